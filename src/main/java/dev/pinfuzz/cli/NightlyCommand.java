package dev.pinfuzz.cli;

import dev.pinfuzz.campaign.Campaign;
import dev.pinfuzz.campaign.CampaignJob;
import dev.pinfuzz.campaign.Schedule;
import dev.pinfuzz.policy.Policies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pinfuzz nightly [--budget 2m] [--out DIR] [--jobs N]}: every policy, then the canary matrix. */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = {
        "The main job: fuzz every policy, shrink and deduplicate the findings, write a report.",
        "The policies share the budget. Writes findings/, summary.json and report.html to DIR.",
        "Exit 0 when the canary matrix holds, 1 when a clean cell has a finding or an expected one was not found, "
                + "2 on bad arguments."})
final class NightlyCommand implements Callable<Integer> {
    @Option(names = "--budget", paramLabel = "T", defaultValue = "2m", converter = Durations.class,
            description = "total wall-clock time of the fuzzing, e.g. 90s, 2m, 1h (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--jobs", paramLabel = "N", description = "fuzzers run at the same time (default: the number of cores)")
    Integer jobs;

    @Option(names = "--policy", paramLabel = "P", description = "fuzz only these policies (repeatable; default: all registered)")
    List<String> policies;

    @Option(names = "--no-empty", description = "skip the empty target (the exec/s baseline)")
    boolean noEmpty;

    @Mixin
    CampaignOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        List<String> ps = policies == null ? new ArrayList<>(Policies.names()) : policies;
        for (String p : ps) {
            String bad = CampaignOptions.unknownPolicy(p);
            if (bad != null) return usage(err, bad);
        }
        if (jobs != null && (jobs < 1 || jobs > 256)) return usage(err, "--jobs must be between 1 and 256, not " + jobs);
        if (common.badOut() != null) return usage(err, common.badOut());
        if (common.badCoverage() != null) return usage(err, common.badCoverage());
        if (common.badSweep() != null) return usage(err, common.badSweep());
        if (common.missingCorpus() != null) err.println("pinfuzz: " + common.missingCorpus());
        int targets = ps.size() + (noEmpty ? 0 : 1);
        int n = Math.min(jobs != null ? jobs : Runtime.getRuntime().availableProcessors(), targets);
        Path dir = common.out != null ? common.out : CampaignJob.defaultOut();
        int seconds = Schedule.policySeconds(budget, n, ps.size(), !noEmpty, common.merge());
        int least = Schedule.minimumBudget(n, ps.size(), !noEmpty, common.merge());
        if (budget < least)
            err.println("pinfuzz nightly: warning: " + budget + " s is less than the " + least + " s that JVM start-up and merging "
                    + "take for " + ps.size() + " policies on " + n + " processes; each policy fuzzes 1 s, and the run outlasts its budget");
        Campaign.Options o = new Campaign.Options(List.copyOf(ps), budget, seconds, 1, n, dir, common.corpusRoot(), common.merge(), !noEmpty, common.coverage(), common.sweepTries);
        return CampaignJob.run(o, dir.toString(), false, out, err);
    }

    static int usage(PrintWriter err, String message) {
        err.println("pinfuzz: " + message);
        err.flush();
        return CampaignJob.USAGE;
    }
}
