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
    /**
     * @param target a policy, or "empty"
     * @param execPerSec libFuzzer's own average over the run, start-up and warm-up included
     * @param steadyExecPerSec over the run's second half ({@link #steady})
     */
    public record Rate(String target, long executions, double execPerSec, double steadyExecPerSec) {}

    private JazzerRate() {}

    /** The policy target with the lowest exec/s: the one issue #6's exec/s target is judged on. */
    static Rate slowest(List<Rate> rates) {
        return rates.stream().min(java.util.Comparator.comparingDouble(Rate::execPerSec)).orElseThrow();
    }

    /** @param policy the policy target, or null for the empty target */
    public static Rate measure(JazzerCommand cmd, String policy, int seconds, Path dir) throws IOException, InterruptedException {
        Path corpus = Files.createDirectories(dir.resolve("corpus")).toAbsolutePath();
        Path crashes = Files.createDirectories(dir.resolve("crashes")).toAbsolutePath();
        LibFuzzerLog log = run(cmd.fuzz(policy, corpus, List.of(), crashes, seconds, 1), seconds, dir, "fuzz.log");
        double rate = log.finalExecPerSec() >= 0 ? log.finalExecPerSec() : between(log.samples(), 0);
        return new Rate(policy == null ? "empty" : policy, log.executions(), rate, steady(log.samples()));
    }

    /** Runs one libFuzzer command of {@code seconds} in {@code dir}, logging to {@code logName}. */
    static LibFuzzerLog run(List<String> command, int seconds, Path dir, String logName) throws IOException, InterruptedException {
        FuzzProcess p = FuzzProcess.start(command, dir, dir.resolve(logName));
        try {
            if (!p.waitFor((seconds + 120) * 1000L)) p.stop();
        } finally {
            p.stop();
        }
        return p.log();
    }

    /**
     * exec/s over the second half of a run: from the first status line at or after half the last
     * one's time to the last. libFuzzer prints a line at every power of two executions, so this
     * leaves out start-up and the JIT's warm-up, which its own average keeps. 0 without two lines.
     */
    static double steady(List<LibFuzzerLog.Sample> s) {
        if (s.size() < 2) return 0;
        double half = s.get(s.size() - 1).seconds() / 2;
        int from = 0;
        while (from < s.size() - 2 && s.get(from).seconds() < half) from++;
        return between(s, from);
    }

    private static double between(List<LibFuzzerLog.Sample> s, int from) {
        if (s.size() < 2) return 0;
        LibFuzzerLog.Sample a = s.get(from), b = s.get(s.size() - 1);
        return b.seconds() > a.seconds() ? (b.execs() - a.execs()) / (b.seconds() - a.seconds()) : 0;
    }
}
