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
     */
    public record Options(List<String> policies, int budget, int policySeconds, int processes, int concurrency,
                          Path out, Path corpusRoot, boolean merge, boolean empty, Coverage coverage) {}

    /** Everything a summary and a report need. */
    public record Result(Options options, Instant started, Instant finished, boolean interrupted,
                         List<TargetResult> targets, List<CampaignFinding> findings, List<Triage.Error> errors) {}

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
        for (TargetResult t : results) {
            if (t.policy() == null) continue;
            for (LibFuzzerLog.Artifact a : t.artifacts())
                triage.add(t.policy(), a.file(), a.seconds(), a.exception());
        }
        return new Result(o, started, Instant.now(), interrupted, results, triage.findings(), triage.errors());
    }

    /** Ends every fuzzer; {@link #run} then finishes with what they found. Safe from any thread. */
    public void stop() {
        interrupted = true;
        for (TargetRun r : runs) r.stop();
    }
}
