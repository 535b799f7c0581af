package dev.pinfuzz.campaign;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Jazzer/libFuzzer process's stderr, line by line, as it runs: status lines
 * ({@code #N NEW cov: C ft: F corp: K/Sb exec/s: E ...}) become time-stamped samples, final
 * {@code stat::} lines the totals, and {@code Test unit written to PATH} the artifacts, each
 * with the Java exception that produced it. Time stamps are the caller's (when the line was
 * read), since libFuzzer's own lines carry none.
 */
public final class LibFuzzerLog {
    /** One status line: time since the process started, executions, coverage, corpus size. */
    public record Sample(double seconds, long execs, int cov, int corpus, long execPerSec) {}

    /** A crash, timeout or OOM input libFuzzer wrote, and when. */
    public record Artifact(Path file, String kind, double seconds, String exception) {}

    private static final Pattern STATUS = Pattern.compile(
            "^#(\\d+)\\s+(INITED|NEW|REDUCE|pulse|DONE|RELOAD)(?:\\s+cov: (\\d+))?(?: ft: \\d+)?\\s*(?:corp: (\\d+)/)?");
    private static final Pattern WRITTEN = Pattern.compile("Test unit written to (\\S+)\\s*$");
    private static final Pattern STAT = Pattern.compile("^stat::(\\w+):\\s+(\\d+)");
    private static final Pattern EXEC_S = Pattern.compile("exec/s: (\\d+)");

    private final Path workDir;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private long execs;
    private int cov;
    private int corpus;
    private long statExecs = -1;
    private long statExecPerSec = -1;
    private double doneSeconds = -1;
    private double initedSeconds = -1;
    private String pendingException;

    /** @param workDir the process's working directory, against which relative artifact paths resolve */
    public LibFuzzerLog(Path workDir) {
        this.workDir = workDir;
    }

    /** Takes one line read at {@code seconds} since the process started. */
    public synchronized void line(String line, double seconds) {
        Matcher m = STATUS.matcher(line);
        if (m.find()) {
            execs = Math.max(execs, Long.parseLong(m.group(1)));
            // A target that touches no instrumented code (the empty one) prints no cov: at all.
            if (m.group(3) != null) cov = Math.max(cov, Integer.parseInt(m.group(3)));
            if (m.group(4) != null) corpus = Integer.parseInt(m.group(4));
            Matcher e = EXEC_S.matcher(line);
            long rate = e.find() ? Long.parseLong(e.group(1)) : 0;
            samples.add(new Sample(seconds, execs, cov, corpus, rate));
            if (m.group(2).equals("DONE")) doneSeconds = seconds;
            if (m.group(2).equals("INITED") && initedSeconds < 0) initedSeconds = seconds;
            return;
        }
        if (line.startsWith("== Java Exception: ")) {
            pendingException = line.substring("== Java Exception: ".length()).trim();
            return;
        }
        if (line.contains("ERROR: libFuzzer: ") && pendingException == null) {
            pendingException = line.substring(line.indexOf("ERROR: libFuzzer: ") + 18).trim();
            return;
        }
        Matcher w = WRITTEN.matcher(line);
        if (w.find()) {
            Path f = workDir.resolve(w.group(1)).normalize();
            String name = f.getFileName().toString();
            String kind = name.contains("-") ? name.substring(0, name.indexOf('-')) : "crash";
            artifacts.add(new Artifact(f, kind, seconds, pendingException));
            pendingException = null;
            return;
        }
        Matcher s = STAT.matcher(line);
        if (s.find()) {
            long v = Long.parseLong(s.group(2));
            if (s.group(1).equals("number_of_executed_units")) statExecs = Math.max(statExecs, v);
            if (s.group(1).equals("average_exec_per_sec")) statExecPerSec = v;
        }
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    public synchronized List<Artifact> artifacts() {
        return List.copyOf(artifacts);
    }

    /** Executions so far: the final statistics once printed, else the last status line. */
    public synchronized long executions() {
        return Math.max(execs, statExecs);
    }

    /** Covered edges ({@code cov:}) at the last status line. */
    public synchronized int coverage() {
        return cov;
    }

    /** Corpus entries ({@code corp:}) at the last status line. */
    public synchronized int corpusSize() {
        return corpus;
    }

    /** libFuzzer's average exec/s over its fuzzing time, or -1 before the final statistics. */
    public synchronized long finalExecPerSec() {
        return statExecPerSec;
    }

    /**
     * Seconds of fuzzing proper: from the INITED line (JVM start-up, instrumentation and the
     * corpus load are over) to DONE or the last status line; 0 before INITED.
     */
    public synchronized double fuzzingSeconds() {
        if (initedSeconds < 0 || samples.isEmpty()) return 0;
        double end = doneSeconds >= 0 ? doneSeconds : samples.get(samples.size() - 1).seconds();
        return Math.max(0, end - initedSeconds);
    }

    /** When the DONE line came, or -1. */
    public synchronized double doneSeconds() {
        return doneSeconds;
    }
}
