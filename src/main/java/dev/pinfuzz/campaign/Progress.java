package dev.pinfuzz.campaign;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress on stderr: a one-line bar redrawn in place when a console is attached, otherwise
 * one line per target as it finishes (logs stay readable in CI).
 */
public final class Progress {
    private final PrintWriter err;
    private final boolean bar;
    private final int budget;
    private final long t0 = System.nanoTime();
    private final java.util.Set<String> reported = new java.util.HashSet<>();
    private int width;

    public Progress(PrintWriter err, boolean bar, int budget) {
        this.err = err;
        this.bar = bar;
        this.budget = budget;
    }

    /** A bar when stderr's process has a console, lines otherwise. */
    public static Progress forConsole(PrintWriter err, int budget) {
        return new Progress(err, System.console() != null, budget);
    }

    public synchronized void update(List<TargetRun> runs) {
        for (TargetRun r : runs)
            if (r.finished() && reported.add(r.name()) && !bar) {
                err.println(line(r));
                err.flush();
            }
        if (!bar) return;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        int done = (int) Math.min(30, Math.round(30 * elapsed / Math.max(1, budget)));
        StringBuilder sb = new StringBuilder("\r[").append("#".repeat(done)).append(".".repeat(30 - done)).append("] ")
                .append(String.format(Locale.ROOT, "%3.0fs/%ds", elapsed, budget));
        for (TargetRun r : runs) {
            if (!r.started() || r.finished()) continue;
            long execs = 0;
            int cov = 0, crashes = 0;
            for (LibFuzzerLog l : r.logs()) {
                execs += l.executions();
                cov = Math.max(cov, l.coverage());
                crashes += l.artifacts().size();
            }
            sb.append("  ").append(r.name());
            if (execs == 0) {
                sb.append(" starting");
                continue;
            }
            sb.append(" cov ").append(cov).append(' ').append(human(execs)).append(" execs");
            if (crashes > 0) sb.append(' ').append(crashes).append(" crash").append(crashes == 1 ? "" : "es");
        }
        String s = sb.toString();
        err.print(s + " ".repeat(Math.max(0, width - s.length())));
        width = s.length();
        err.flush();
    }

    /** Ends the bar's line. */
    public synchronized void done() {
        if (bar && width > 0) err.println();
        width = 0;
        err.flush();
    }

    /** Print a message on its own line. */
    public synchronized void note(String message) {
        if (bar && width > 0) err.print("\r" + " ".repeat(width) + "\r");
        width = 0;
        err.println(message);
        err.flush();
    }

    private static String line(TargetRun r) {
        TargetResult t = TargetResult.of(r);
        return String.format(Locale.ROOT, "pinfuzz: %-16s %s in %.0fs: %s execs, %s exec/s, cov %d, corpus %d, %d crash input(s)",
                t.name(), r.stopped() ? "stopped" : "done", t.fuzzSeconds(), human(t.executions()), human(t.execPerSec()),
                t.coverage(), t.corpusSize(), t.artifacts().size());
    }

    static String human(long n) {
        if (n >= 10_000_000) return (n / 1_000_000) + "M";
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        if (n >= 10_000) return (n / 1000) + "k";
        return Long.toString(n);
    }
}
