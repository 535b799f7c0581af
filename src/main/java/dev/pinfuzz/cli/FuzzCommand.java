package dev.pinfuzz.cli;

import dev.pinfuzz.campaign.Campaign;
import dev.pinfuzz.campaign.CampaignJob;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pinfuzz fuzz --policy P [--budget 60s] [--jobs N]}: one coverage-guided run. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, description = {
        "One coverage-guided Jazzer run on one policy, then triage.",
        "--jobs N runs N fuzzers on a shared corpus (libFuzzer -jobs). Prints executions, exec/s, coverage and corpus size, "
                + "triages every crash like nightly and writes the same files.",
        "Exit 0 when nothing was found, 1 when something was, 2 on bad arguments."})
final class FuzzCommand implements Callable<Integer> {
    @Option(names = "--policy", required = true, paramLabel = "P", description = "the policy to fuzz")
    String policy;

    @Option(names = "--budget", paramLabel = "T", defaultValue = "60s", converter = Durations.class,
            description = "fuzzing time, e.g. 60s, 5m (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "fuzzers on the shared corpus (default: ${DEFAULT-VALUE})")
    int jobs;

    @Mixin
    CampaignOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        String bad = CampaignOptions.unknownPolicy(policy);
        if (bad != null) return NightlyCommand.usage(err, bad);
        if (jobs < 1 || jobs > 256) return NightlyCommand.usage(err, "--jobs must be between 1 and 256, not " + jobs);
        if (common.badOut() != null) return NightlyCommand.usage(err, common.badOut());
        if (common.badCoverage() != null) return NightlyCommand.usage(err, common.badCoverage());
        if (common.badSweep() != null) return NightlyCommand.usage(err, common.badSweep());
        if (common.missingCorpus() != null) err.println("pinfuzz: " + common.missingCorpus());
        Path dir = common.out != null ? common.out : CampaignJob.defaultOut();
        Campaign.Options o = new Campaign.Options(List.of(policy), budget, budget, jobs, 1, dir, common.corpusRoot(), common.merge(), false, common.coverage(), common.sweepTries);
        return CampaignJob.run(o, dir.toString(), true, out, err);
    }
}
