package dev.pinfuzz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Where the figures were measured: the commit (when run in a git work tree), cores, JVM, load average. */
public record Machine(String commit, boolean dirty, int cores, String jvm, double[] loadBefore, double[] loadAfter) {
    /** The machine now; {@code loadAfter} is filled in by {@link #finished()}. */
    public static Machine now() {
        String head = git("rev-parse", "HEAD");
        String status = head == null ? null : git("status", "--porcelain", "--untracked-files=no");
        return new Machine(head, status != null && !status.isBlank(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), loadAverage(), null);
    }

    public Machine finished() {
        return new Machine(commit, dirty, cores, jvm, loadBefore, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}, else the 1-minute one only). */
    static double[] loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
        } catch (IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {one};
        }
    }

    private static String git(String... args) {
        try {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "git";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
            return out;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
