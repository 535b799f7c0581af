package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.FuzzProcess;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.campaign.LibFuzzerLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Executions per second of one Jazzer target, as {@code nightly} runs it (edge coverage, keep going
 * after findings), from a cold start with {@code -seed=1}: libFuzzer's own average over its run.
 */
public final class JazzerRate {
    /** {@code target}: a policy, or "empty". */
    public record Rate(String target, long executions, double execPerSec) {}

    private JazzerRate() {}

    /** @param policy the policy target, or null for the empty target */
    public static Rate measure(JazzerCommand cmd, String policy, int seconds, Path dir) throws IOException, InterruptedException {
        Path corpus = Files.createDirectories(dir.resolve("corpus")).toAbsolutePath();
        Path crashes = Files.createDirectories(dir.resolve("crashes")).toAbsolutePath();
        FuzzProcess p = FuzzProcess.start(cmd.fuzz(policy, corpus, List.of(), crashes, seconds, 1), dir, dir.resolve("fuzz.log"));
        try {
            if (!p.waitFor((seconds + 120) * 1000L)) p.stop();
        } finally {
            p.stop();
        }
        LibFuzzerLog log = p.log();
        double rate = log.finalExecPerSec() >= 0 ? log.finalExecPerSec() : estimate(log.samples());
        return new Rate(policy == null ? "empty" : policy, log.executions(), rate);
    }

    private static double estimate(List<LibFuzzerLog.Sample> s) {
        if (s.size() < 2) return 0;
        LibFuzzerLog.Sample a = s.get(0), b = s.get(s.size() - 1);
        return b.seconds() > a.seconds() ? (b.execs() - a.execs()) / (b.seconds() - a.seconds()) : 0;
    }
}
