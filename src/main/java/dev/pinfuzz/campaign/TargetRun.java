package dev.pinfuzz.campaign;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One target's share of a campaign: {@code jobs} Jazzer processes fuzzing a shared working
 * corpus for {@code seconds} (libFuzzer's {@code -jobs}, done by hand so that every process's
 * output is read live), then a {@code -merge=1} of what they found into the persistent corpus.
 * Layout under {@code dir}: {@code corpus/} (the working corpus), {@code crashes/},
 * {@code fuzz-N.log}, {@code merge.log}.
 */
public final class TargetRun {
    /** Null for the empty target. */
    private final String policy;
    private final Path dir;
    private final Path persistent;
    private final boolean merge;
    private final int seconds;
    private final int jobs;
    private final List<FuzzProcess> processes = new ArrayList<>();
    private volatile boolean stopped;
    private volatile boolean started;
    private volatile boolean finished;
    private volatile double fuzzSeconds;
    private volatile int mergedSize = -1;

    /**
     * @param persistent the policy's persistent corpus (read as seeds, merged into), or null
     * @param merge whether to merge new inputs into {@code persistent}
     */
    public TargetRun(String policy, Path dir, Path persistent, boolean merge, int seconds, int jobs) {
        this.policy = policy;
        this.dir = dir;
        this.persistent = persistent;
        this.merge = merge && persistent != null;
        this.seconds = seconds;
        this.jobs = Math.max(1, jobs);
    }

    public String policy() { return policy; }
    public String name() { return policy == null ? "empty" : policy; }
    public int seconds() { return seconds; }
    public boolean started() { return started; }
    public boolean finished() { return finished; }
    public boolean stopped() { return stopped; }
    /** Wall time of the fuzzing processes. */
    public double fuzzSeconds() { return fuzzSeconds; }
    /** Entries in the persistent corpus after the merge, or -1. */
    public int mergedSize() { return mergedSize; }
    public Path crashDir() { return dir.resolve("crashes"); }
    public Path corpusDir() { return dir.resolve("corpus"); }

    /** Runs to the end (or until {@link #stop()}). */
    public void run(JazzerCommand cmd) throws IOException, InterruptedException {
        synchronized (this) {
            if (stopped) return;
            started = true;
            Files.createDirectories(corpusDir());
            Files.createDirectories(crashDir());
            List<Path> seeds = persistent != null && Files.isDirectory(persistent) ? List.of(persistent) : List.of();
            for (int j = 0; j < jobs; j++) {
                List<String> c = cmd.fuzz(policy, corpusDir().toAbsolutePath(), abs(seeds), crashDir().toAbsolutePath(), seconds);
                processes.add(FuzzProcess.start(c, dir, dir.resolve("fuzz-" + j + ".log")));
            }
        }
        long t0 = System.nanoTime();
        for (FuzzProcess p : processes) p.waitFor();
        fuzzSeconds = (System.nanoTime() - t0) / 1e9;
        if (merge && !stopped) mergeInto(cmd);
        finished = true;
    }

    private void mergeInto(JazzerCommand cmd) throws IOException, InterruptedException {
        Files.createDirectories(persistent);
        java.util.Set<Path> before = list(persistent);
        FuzzProcess m;
        synchronized (this) {
            if (stopped) return;
            m = FuzzProcess.start(cmd.merge(policy, persistent.toAbsolutePath(), List.of(corpusDir().toAbsolutePath())), dir, dir.resolve("merge.log"));
            processes.add(m);
        }
        int code = m.waitFor();
        if (stopped) {
            // An interrupted merge may have left a half-copied input: drop all it added.
            for (Path p : list(persistent)) if (!before.contains(p)) Files.deleteIfExists(p);
        } else if (code == 0) {
            mergedSize = count(persistent);
        }
    }

    private static java.util.Set<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.collect(java.util.stream.Collectors.toSet());
        }
    }

    private static List<Path> abs(List<Path> ps) {
        return ps.stream().map(Path::toAbsolutePath).toList();
    }

    static int count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        }
    }

    /** Stops the processes; what they wrote stays. */
    public void stop() {
        List<FuzzProcess> ps;
        synchronized (this) {
            stopped = true;
            ps = List.copyOf(processes);
        }
        for (FuzzProcess p : ps) p.stop();
    }

    /** The fuzzing processes' logs (not the merge's). */
    public synchronized List<LibFuzzerLog> logs() {
        List<LibFuzzerLog> l = new ArrayList<>();
        for (int i = 0; i < Math.min(jobs, processes.size()); i++) l.add(processes.get(i).log());
        return l;
    }
}
