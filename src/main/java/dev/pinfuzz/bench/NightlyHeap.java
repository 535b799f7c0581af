package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.campaign.JazzerCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Memory of a short {@code pinfuzz nightly} run as a child process (reading the persistent corpus,
 * never merging into it). Every JVM of the run (the orchestrator and its Jazzer children) logs its
 * collections through {@code JAVA_TOOL_OPTIONS=-Xlog:gc,gc+heap+exit:file=DIR/gc-%p.log}; the
 * orchestrator is asked for a collection every few seconds (its live set over time), and its resident
 * set is sampled from {@code /proc/PID/status} once a second; the children's comes from libFuzzer's
 * {@code peak_rss_mb}.
 */
public final class NightlyHeap {
    private static final Pattern PEAK_RSS = Pattern.compile("^stat::peak_rss_mb:\\s+(\\d+)");

    /**
     * What one nightly run used. {@code children}: the Jazzer JVMs that fuzzed; {@code helpers}: the
     * short JVMs Jazzer starts to attach its agent (under two seconds, no collection); {@code rssMb}: the
     * orchestrator's resident set, one sample a second.
     */
    public record Result(int budgetSeconds, int exitCode, double wallSeconds, GcLog orchestrator, List<GcLog> children,
                         int helpers, List<Double> rssMb, double childPeakRssMb) {}

    private NightlyHeap() {}

    public static Result run(int budgetSeconds, Coverage coverage, Path work) throws IOException, InterruptedException {
        Path gc = work.resolve("gc").toAbsolutePath(), out = work.resolve("nightly").toAbsolutePath();
        Files.createDirectories(gc);
        if (gc.toString().matches(".*[\\s:,].*")) throw new IOException("the work directory " + gc + " must not contain blanks, ':' or ','");
        List<String> cmd = List.of(JazzerCommand.currentJava(), "-cp", System.getProperty("java.class.path"), "dev.pinfuzz.cli.Main",
                "nightly", "--budget", budgetSeconds + "s", "--no-merge", "--coverage", coverage.spelling(), "--out", out.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve("nightly.log").toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        String opts = System.getenv("JAVA_TOOL_OPTIONS");
        pb.environment().put("JAVA_TOOL_OPTIONS", (opts == null ? "" : opts + " ") + "-Xlog:gc,gc+heap+exit:file=" + gc + "/gc-%p.log:uptime");
        long t0 = System.nanoTime();
        Process p = pb.start();
        List<Double> rss = new ArrayList<>();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long deadline = t0 + TimeUnit.SECONDS.toNanos(budgetSeconds + 300L);
        int gcEvery = Math.max(5, budgetSeconds / 12);
        try {
            for (int tick = 1; !p.waitFor(1, TimeUnit.SECONDS); tick++) {
                double mb = vmRssMb(status);
                if (mb > 0) rss.add(mb);
                if (tick % gcEvery == 0) collect(p.pid());
                if (System.nanoTime() > deadline) {
                    p.destroy();
                    if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
                }
            }
        } finally {
            if (p.isAlive()) p.destroyForcibly();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        GcLog orchestrator = new GcLog(List.of());
        List<GcLog> children = new ArrayList<>();
        int helpers = 0;
        try (Stream<Path> s = Files.list(gc)) {
            for (Path f : s.sorted().toList()) {
                GcLog l = GcLog.read(f);
                if (f.getFileName().toString().equals("gc-" + p.pid() + ".log")) orchestrator = l;
                else if (l.seconds() < 2 && l.points().size() <= 1) helpers++;
                else children.add(l);
            }
        }
        return new Result(budgetSeconds, p.exitValue(), wall, orchestrator, children, helpers, rss, childPeakRss(out.resolve("work")));
    }

    /**
     * Asks the orchestrator for a full collection ({@code jcmd PID GC.run}), so that its log samples the
     * live set over the run: it allocates too little for G1 to collect on its own for minutes.
     */
    private static void collect(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) return;
        try {
            Process j = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!j.waitFor(20, TimeUnit.SECONDS)) j.destroyForcibly();
        } catch (IOException e) {
            // no sample this time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double vmRssMb(Path status) {
        try {
            for (String line : Files.readAllLines(status))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        } catch (IOException | NumberFormatException e) {
            // no /proc (not Linux) or the process just ended
        }
        return -1;
    }

    /** Highest {@code stat::peak_rss_mb} in the fuzzers' logs under {@code work}. */
    private static double childPeakRss(Path work) throws IOException {
        if (!Files.isDirectory(work)) return 0;
        double peak = 0;
        try (Stream<Path> s = Files.walk(work)) {
            for (Path f : s.filter(x -> x.getFileName().toString().endsWith(".log")).toList())
                for (String line : Files.readAllLines(f, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                    Matcher m = PEAK_RSS.matcher(line);
                    if (m.find()) peak = Math.max(peak, Double.parseDouble(m.group(1)));
                }
        }
        return peak;
    }
}
