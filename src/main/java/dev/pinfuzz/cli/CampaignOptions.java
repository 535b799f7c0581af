package dev.pinfuzz.cli;

import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.policy.Policies;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code fuzz} and {@code nightly}: where the corpus lives and whether it grows. */
final class CampaignOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "campaign directory (default: pinfuzz-out/<timestamp>)")
    Path out;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "persistent corpora, one directory per policy: read as seeds, coverage-increasing inputs merged back (default: corpus/jazzer of the pinfuzz checkout, from whatever directory it is run)")
    Path corpus;

    @Option(names = "--no-corpus", description = "cold start: neither read nor grow the persistent corpus")
    boolean noCorpus;

    @Option(names = "--no-merge", description = "read the persistent corpus but do not merge new inputs into it")
    boolean noMerge;

    @Option(names = "--sweep-tries", paramLabel = "N", defaultValue = "" + dev.pinfuzz.campaign.PropertySweep.DEFAULT_TRIES,
            description = "programs per policy the property-based engine runs first, hunting the cells that must stay clean (0: none; default: ${DEFAULT-VALUE})")
    int sweepTries;

    @Option(names = "--coverage", paramLabel = "MODE", defaultValue = "states",
            description = "what counts as new coverage: states (the model's folio states, and the policies' branches) or model (every branch of the mm core and the policies) (default: ${DEFAULT-VALUE})")
    String coverage;

    /** The coverage mode; {@link #badCoverage()} has been checked. */
    Coverage coverage() {
        return Coverage.parse(coverage);
    }

    /** A message when {@code --coverage} names no mode, else null. */
    String badCoverage() {
        return Coverage.problem(coverage);
    }

    /** The persistent corpus root, or null for a cold start. */
    Path corpusRoot() {
        return noCorpus ? null : corpus != null ? corpus : Checkout.resolve("corpus/jazzer");
    }

    /** A warning when the corpus to read is missing (a mistyped --corpus, or a jar outside its checkout), else null. */
    String missingCorpus() {
        Path root = corpusRoot();
        if (root == null || Files.isDirectory(root)) return null;
        return "warning: no persistent corpus at " + root + ": starting cold" + (merge() ? " (the merge will create it)" : "");
    }

    boolean merge() {
        return !noCorpus && !noMerge;
    }

    /** A message when {@code policy} is unknown, else null. */
    static String unknownPolicy(String policy) {
        if (Policies.get(policy) != null) return null;
        return "unknown policy '" + policy + "' (known: " + String.join(", ", Policies.names()) + ")";
    }

    /** A message when {@code --sweep-tries} is out of range, else null. */
    String badSweep() {
        return sweepTries < 0 || sweepTries > 10_000_000 ? "--sweep-tries must be between 0 and 10000000, not " + sweepTries : null;
    }

    /** A message when {@code --out} names something that is not a directory, else null. */
    String badOut() {
        return out != null && Files.exists(out) && !Files.isDirectory(out) ? "--out " + out + " exists and is not a directory" : null;
    }
}
