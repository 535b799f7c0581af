package dev.pinfuzz.mm;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.run.PageStates;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs a trace and records, after each line's step ends or waits, every page's state in kernel
 * terms, the step's return value, and the durable disk stamps: what the model tests look at.
 */
public final class Probe implements Observer {
    private final Program p;
    private final Kernel k;
    private final Map<Integer, Map<String, String>> pages = new HashMap<>();
    private final Map<Integer, Long> results = new HashMap<>();
    private final Map<Integer, String> blocked = new HashMap<>();
    private final Map<Integer, Map<String, String>> pagesAtWait = new HashMap<>();
    public Outcome outcome;
    public Kernel kernel;

    private Probe(Program p, Kernel k) {
        this.p = p;
        this.k = k;
    }

    /** Parses {@code text} (header lines included) and runs it under {@code policy}. */
    public static Probe run(String policy, String text) {
        return run(Policies.get(policy), text);
    }

    /** Parses {@code text} and runs it under a policy that need not be registered. */
    public static Probe run(dev.pinfuzz.policy.WritebackPolicy policy, String text) {
        Program p;
        try {
            p = TraceParser.parse("test.trace", text);
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage());
        }
        Probe[] probe = new Probe[1];
        Outcome o = Judge.run(p, policy, k -> probe[0] = new Probe(p, k));
        probe[0].outcome = o;
        probe[0].kernel = probe[0].k;
        return probe[0];
    }

    /** State of page {@code page} (e.g. "f[0]") right after line {@code line} ended or waited; null if not cached. */
    public String page(int line, String page) {
        Map<String, String> m = pages.get(line);
        if (m == null) throw new AssertionError("line " + line + " never ended or waited");
        return m.get(page);
    }

    /** State of a page when line {@code line} first had to wait. */
    public String pageAtWait(int line, String page) {
        Map<String, String> m = pagesAtWait.get(line);
        if (m == null) throw new AssertionError("line " + line + " never waited");
        return m.get(page);
    }

    /** What line {@code line} returned (a count or -errno). */
    public long result(int line) {
        Long r = results.get(line);
        if (r == null) throw new AssertionError("line " + line + " never returned" + (blocked.containsKey(line) ? " (it waits: " + blocked.get(line) + ")" : ""));
        return r;
    }

    public boolean returned(int line) {
        return results.containsKey(line);
    }

    /** What line {@code line} waited for, or null. */
    public String waited(int line) {
        return blocked.get(line);
    }

    /** Stamp (writing line) of byte {@code b} of file index {@code f} on the disk as it would survive power loss. */
    public int durable(int f, int b) {
        return k.durableStamp(f, b);
    }

    private void record(int step) {
        if (step >= 0) pages.put(p.line(step), PageStates.snapshot(p, k));
    }

    @Override
    public void stepReturned(int step, long time, long result) {
        results.put(p.line(step), result);
        record(step);
    }

    @Override
    public void stepBlocked(int step, int task, long time, WaitFor w) {
        blocked.putIfAbsent(p.line(step), (w.pins() ? "pins" : "lock") + " of " + p.files().get(w.file()).name() + "[" + w.page() + "]");
        pagesAtWait.putIfAbsent(p.line(step), PageStates.snapshot(p, k));
    }

    @Override
    public void stepKilled(int step, int task, long time) {
        record(step);
    }

    @Override
    public void crashed(int step, long time) {
        record(step);
    }
}
