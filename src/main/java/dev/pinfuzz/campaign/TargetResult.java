package dev.pinfuzz.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * One target's figures at the end of a campaign, summed over its processes: executions,
 * exec/s, coverage, corpus size and the samples to plot. {@code fuzzSeconds} is the processes'
 * wall time, JVM start-up included; {@code fuzzingSeconds} the longest process's time from
 * libFuzzer's INITED line on. {@code ran}: its fuzzer started and
 * ran at least one input (a fuzzer killed during JVM start-up, or one that never started, tells
 * nothing about its policy); {@code stopped}: a signal ended it before its budget ran out.
 */
public record TargetResult(String name, String policy, boolean ran, boolean stopped, int budgetSeconds, double fuzzSeconds, double fuzzingSeconds,
                           long executions, long execPerSec, int coverage, int corpusSize, int mergedCorpusSize,
                           List<LibFuzzerLog.Sample> samples, List<LibFuzzerLog.Artifact> artifacts) {

    static TargetResult of(TargetRun r) {
        long execs = 0, rate = 0;
        double fuzzing = 0;
        int cov = 0, corp = 0;
        List<LibFuzzerLog.Sample> samples = new ArrayList<>();
        List<LibFuzzerLog.Artifact> artifacts = new ArrayList<>();
        for (LibFuzzerLog l : r.logs()) {
            execs += l.executions();
            fuzzing = Math.max(fuzzing, l.fuzzingSeconds());
            rate += l.finalExecPerSec() >= 0 ? l.finalExecPerSec() : estimate(l);
            cov = Math.max(cov, l.coverage());
            corp = Math.max(corp, l.corpusSize());
            if (samples.isEmpty()) samples.addAll(l.samples());
            artifacts.addAll(l.artifacts());
        }
        return new TargetResult(r.name(), r.policy(), r.started() && execs > 0, r.stopped(), r.seconds(), r.fuzzSeconds(), fuzzing,
                execs, rate, cov, corp, r.mergedSize(), List.copyOf(samples), List.copyOf(artifacts));
    }

    /** exec/s from the samples when the run was stopped before its final statistics. */
    private static long estimate(LibFuzzerLog l) {
        List<LibFuzzerLog.Sample> s = l.samples();
        if (s.size() < 2) return 0;
        LibFuzzerLog.Sample a = s.get(0), b = s.get(s.size() - 1);
        double dt = b.seconds() - a.seconds();
        return dt <= 0 ? 0 : Math.round((b.execs() - a.execs()) / dt);
    }
}
