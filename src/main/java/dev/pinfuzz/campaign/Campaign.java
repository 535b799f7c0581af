package dev.pinfuzz.campaign;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs targets through Jazzer, {@code concurrency} at a time, then triages every crashing
 * input. {@link #stop()} (from a signal) ends the fuzzers; what they found so far is still
 * triaged and returned.
 */
public final class Campaign {
    /**
     * @param policies the policies to fuzz, in order
     * @param processes Jazzer processes per target (sharing its corpus)
     * @param concurrency targets fuzzed at the same time
     * @param corpusRoot persistent corpora ({@code ROOT/<policy>/}), or null for a cold start
     * @param merge merge coverage-increasing inputs back into the persistent corpora
     * @param empty also run the empty target, for the exec/s comparison
     * @param sweepTries programs per policy for the {@link PropertySweep} of clean cells (0: none)
     */
    public record Options(List<String> policies, int budget, int policySeconds, int processes, int concurrency,
                          Path out, Path corpusRoot, boolean merge, boolean empty, Coverage coverage, int sweepTries) {}

    /** Everything a summary and a report need; {@code sweepSeed} is the property sweep's seed. */
    public record Result(Options options, Instant started, Instant finished, boolean interrupted,
                         List<TargetResult> targets, List<CampaignFinding> findings, List<Triage.Error> errors, long sweepSeed) {}

    private record Swept(String policy, PropertySweep.Hit hit) {}

    private final Options o;
    private final JazzerCommand cmd;
    private final List<TargetRun> runs = new ArrayList<>();
    private volatile boolean interrupted;

    public Campaign(Options o, JazzerCommand cmd) {
        this.o = o;
        this.cmd = cmd;
        Path work = o.out().resolve("work");
        if (o.empty()) runs.add(new TargetRun(null, work.resolve("empty"), null, false, Schedule.emptySeconds(o.budget()), 1));
        for (String p : o.policies()) {
            Path persistent = o.corpusRoot() == null ? null : o.corpusRoot().resolve(p);
            runs.add(new TargetRun(p, work.resolve(p), persistent, o.merge(), o.policySeconds(), o.processes()));
        }
    }

    /** Fuzzes, then triages. */
    public Result run(Progress progress) throws InterruptedException {
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.concurrency()), r -> {
            Thread t = new Thread(r, "pinfuzz-target");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (TargetRun r : runs) futures.add(pool.submit(() -> {
            r.run(cmd);
            return null;
        }));
        pool.shutdown();
        // While the fuzzers' JVMs start: the property sweep of every policy's clean cells.
        long seed = PropertySweep.seedFor(started), sweepStart = System.nanoTime();
        List<Swept> swept = new ArrayList<>();
        for (String p : o.policies()) {
            if (interrupted) break;
            try {
                for (PropertySweep.Hit h : PropertySweep.run(p, PropertySweep.cleanCells(p), seed, o.sweepTries(), o.out().resolve("work").resolve(p).resolve("sweep")))
                    swept.add(new Swept(p, h));
            } catch (java.io.IOException e) {
                progress.note("pinfuzz: the property sweep of " + p + " could not write its input: " + dev.pinfuzz.io.IoErrors.reason(e));
            }
        }
        if (o.sweepTries() > 0)
            progress.note("pinfuzz: property sweep (" + o.sweepTries() + " programs per policy, seed " + seed + "): "
                    + (swept.isEmpty() ? "no clean cell violated" : swept.size() + " clean cell(s) violated")
                    + String.format(java.util.Locale.ROOT, " in %.1f s", (System.nanoTime() - sweepStart) / 1e9));
        while (!pool.awaitTermination(500, TimeUnit.MILLISECONDS)) progress.update(runs);
        progress.update(runs);
        progress.done();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                // A fuzzer started as the signal came dies with it: that is the interrupt, not a failure.
                if (!interrupted) progress.note("pinfuzz: a fuzzer failed to run: " + e.getCause());
            }
        }
        List<TargetResult> results = new ArrayList<>();
        for (TargetRun r : runs) results.add(TargetResult.of(r));
        Triage triage = new Triage();
        for (Swept s : swept)
            triage.add(s.policy(), s.hit().input(), s.hit().seconds(), null, java.util.EnumSet.of(s.hit().verdict()), CampaignFinding.SWEEP);
        for (TargetResult t : results) {
            if (t.policy() == null) continue;
            for (LibFuzzerLog.Artifact a : t.artifacts())
                triage.add(t.policy(), a.file(), a.seconds(), a.exception());
        }
        return new Result(o, started, Instant.now(), interrupted, results, triage.findings(), triage.errors(), seed);
    }

    /** Ends every fuzzer; {@link #run} then finishes with what they found. Safe from any thread. */
    public void stop() {
        interrupted = true;
        for (TargetRun r : runs) r.stop();
    }
}
