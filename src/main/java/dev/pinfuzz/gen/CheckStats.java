package dev.pinfuzz.gen;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.Locale;
import java.util.Set;

/** What a {@code check} run generated and what the oracles said, for its closing statistics. */
public final class CheckStats {
    private long tries;
    private long steps;
    private final long[] calls = new long[Call.values().length];
    /** Programs per verdict; index {@code OK} counts programs with none. */
    private final long[] verdicts = new long[Verdict.values().length];
    private long nanos;

    void count(Program p, Set<Verdict> vs) {
        tries++;
        steps += p.size();
        for (int i = 0; i < p.size(); i++) calls[p.step(i).call().ordinal()]++;
        if (vs.isEmpty()) verdicts[Verdict.OK.ordinal()]++;
        for (Verdict v : vs) verdicts[v.ordinal()]++;
    }

    void elapsed(long ns) {
        nanos = ns;
    }

    public long tries() { return tries; }
    public long steps() { return steps; }
    public long nanos() { return nanos; }
    public long calls(Call c) { return calls[c.ordinal()]; }
    public long verdicts(Verdict v) { return verdicts[v.ordinal()]; }

    public double programsPerSecond() {
        return nanos == 0 ? 0 : tries * 1e9 / nanos;
    }

    /** {@code #} lines: tries and steps, calls, verdicts; the same for the same seed (the rates are in {@link #rates}). */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "# statistics: %d tries, %d steps%n", tries, steps));
        sb.append("# calls:");
        for (Call c : Call.values()) if (calls[c.ordinal()] > 0) sb.append(' ').append(c.spelling()).append('=').append(calls[c.ordinal()]);
        sb.append("\n").append("# verdicts (programs):");
        for (Verdict v : Verdict.values()) if (verdicts[v.ordinal()] > 0) sb.append(' ').append(v.spelling()).append('=').append(verdicts[v.ordinal()]);
        return sb.append("\n").toString();
    }

    /** How long it took and how fast: the only figures that vary from run to run. */
    public String rates() {
        return String.format(Locale.ROOT, "%d tries, %d steps in %.2f s: %.0f programs/s, %.0f steps/s",
                tries, steps, nanos / 1e9, programsPerSecond(), nanos == 0 ? 0.0 : steps * 1e9 / nanos);
    }
}
