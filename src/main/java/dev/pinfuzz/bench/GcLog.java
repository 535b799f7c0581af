package dev.pinfuzz.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JVM's {@code -Xlog:gc,gc+heap+exit:file=...:uptime} log, as heap points over time: each GC pause
 * gives the heap in use before it (the peak so far), after it (the live set) and committed; the
 * exit summary gives the heap in use at the end (G1, Parallel or Serial layouts).
 */
public record GcLog(List<Point> points) {
    /** Heap at one moment, in KiB; {@code liveKb} is -1 when not known (the exit summary). */
    public record Point(double seconds, long usedKb, long liveKb, long committedKb) {}

    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+[.,]\\d+)s\\].*GC\\(\\d+\\) Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT = Pattern.compile(
            "^\\[(\\d+[.,]\\d+)s\\]\\s+(?:garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)\\s+total (\\d+)K, used (\\d+)K");

    public static GcLog read(Path file) throws IOException {
        return parse(Files.readAllLines(file));
    }

    public static GcLog parse(List<String> lines) {
        List<Point> points = new ArrayList<>();
        double exitAt = -1;
        long exitUsed = 0, exitTotal = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                points.add(new Point(seconds(m.group(1)), kb(m.group(2), m.group(3)), kb(m.group(4), m.group(5)), kb(m.group(6), m.group(7))));
                continue;
            }
            Matcher e = EXIT.matcher(line);
            if (e.find()) {
                exitAt = seconds(e.group(1));
                exitTotal += Long.parseLong(e.group(2));
                exitUsed += Long.parseLong(e.group(3));
            }
        }
        if (exitAt >= 0) points.add(new Point(exitAt, exitUsed, -1, exitTotal));
        return new GcLog(List.copyOf(points));
    }

    private static double seconds(String s) {
        return Double.parseDouble(s.replace(',', '.'));
    }

    private static long kb(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "G" -> v << 20;
            case "M" -> v << 10;
            default -> v;
        };
    }

    public double seconds() {
        return points.isEmpty() ? 0 : points.get(points.size() - 1).seconds();
    }

    /** Highest heap in use seen (before a collection, or at exit), MiB. */
    public double peakUsedMb() {
        return points.stream().mapToLong(Point::usedKb).max().orElse(0) / 1024.0;
    }

    /** Highest live set (heap in use after a collection), MiB; 0 when no collection ran. */
    public double peakLiveMb() {
        return points.stream().mapToLong(Point::liveKb).max().orElse(0) / 1024.0;
    }

    public double peakCommittedMb() {
        return points.stream().mapToLong(Point::committedKb).max().orElse(0) / 1024.0;
    }

    /** Highest live set in each of {@code n} equal slices of the run, MiB (-1 where no collection ran). */
    public double[] liveBySlice(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, -1);
        double end = seconds();
        for (Point p : points) {
            if (p.liveKb() < 0) continue;
            int i = end <= 0 ? 0 : Math.min(n - 1, (int) (p.seconds() / end * n));
            out[i] = Math.max(out[i], p.liveKb() / 1024.0);
        }
        return out;
    }

    /**
     * Flat: the live set in the second half of the run stays within 25% (plus 16 MiB of slack) of the
     * first half's. True when there is too little to tell (fewer than two collections).
     */
    public boolean flat() {
        double[] halves = liveBySlice(2);
        if (halves[0] < 0 || halves[1] < 0) return true;
        return halves[1] <= halves[0] * 1.25 + 16;
    }
}
