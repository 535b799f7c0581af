package dev.pinfuzz.oracle;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import dev.pinfuzz.program.TraceWriter;
import java.util.Arrays;

/**
 * The observed facts of one run, per step: when it started, when and with what it returned,
 * whether it died or never ran; plus derived program facts (which handle a GUP defined, who owns
 * it, whether it was acquired). Shared by the oracles; knows nothing of the model's state.
 */
public final class Timeline {
    public static final long NEVER = -1;

    final Program p;
    final long[] start;
    final long[] end;
    final long[] result;
    final boolean[] killed;
    final boolean[] dropped;
    /** Handle acquired: its GUP returned a count (not an errno). */
    final boolean[] acquired;
    /** Handle given back: a release step returned, or its owner exited, or a crash. */
    final boolean[] released;
    private int[] stepOfLine;

    Timeline(Program p) {
        this.p = p;
        int n = p.size();
        start = new long[n];
        end = new long[n];
        result = new long[n];
        Arrays.fill(start, NEVER);
        Arrays.fill(end, NEVER);
        killed = new boolean[n];
        dropped = new boolean[n];
        acquired = new boolean[p.handles().size()];
        released = new boolean[p.handles().size()];
    }

    public Program program() { return p; }
    public long start(int i) { return start[i]; }
    public long end(int i) { return end[i]; }
    public long result(int i) { return result[i]; }
    public boolean returned(int i) { return end[i] != NEVER; }
    public boolean killed(int i) { return killed[i]; }
    public boolean dropped(int i) { return dropped[i]; }

    void started(int i, long t) {
        if (start[i] == NEVER) start[i] = t;
    }

    void returned(int i, long t, long r) {
        end[i] = t;
        result[i] = r;
        Step s = p.step(i);
        if (s.handle() >= 0 && r >= 0) acquired[s.handle()] = true;
        // A release whose GUP has not run yet (queued behind a suspended step) does nothing (DESIGN §2).
        if (s.op() instanceof Op.Release rel && acquired[rel.handle()]) released[rel.handle()] = true;
        if (s.call() == Call.EXIT) releaseOwnedBy(s.task());
    }

    /** Handles a task owns that are live now: acquired, not yet given back. */
    boolean live(int h) {
        return acquired[h] && !released[h];
    }

    int owner(int h) {
        return p.step(p.handleDefinition(h)).task();
    }

    void releaseOwnedBy(int task) {
        if (acquired.length <= SCAN_HANDLES) {
            for (int h = 0; h < acquired.length; h++) if (live(h) && owner(h) == task) released[h] = true;
            return;
        }
        if (firstOwned == null) indexOwners();
        for (int h = firstOwned[task]; h >= 0; h = nextOwned[h]) if (live(h)) released[h] = true;
    }

    /** Up to this many handles an exit scans them all; past it (thousands of tasks) a per-task list saves O(tasks x handles). */
    private static final int SCAN_HANDLES = 64;
    private int[] firstOwned;
    private int[] nextOwned;

    private void indexOwners() {
        firstOwned = new int[p.tasks().size()];
        nextOwned = new int[acquired.length];
        Arrays.fill(firstOwned, -1);
        for (int h = acquired.length - 1; h >= 0; h--) {
            int t = owner(h);
            nextOwned[h] = firstOwned[t];
            firstOwned[t] = h;
        }
    }

    void crashed() {
        for (int h = 0; h < acquired.length; h++) if (acquired[h]) released[h] = true;
    }

    /** The step whose line is {@code line}, or -1. */
    int stepOfLine(int line) {
        if (stepOfLine == null) {
            int max = 0;
            for (int i = 0; i < p.size(); i++) max = Math.max(max, p.line(i));
            stepOfLine = new int[max + 1];
            Arrays.fill(stepOfLine, -1);
            for (int i = 0; i < p.size(); i++) stepOfLine[p.line(i)] = i;
        }
        return line >= 0 && line < stepOfLine.length ? stepOfLine[line] : -1;
    }

    /** "fsync(f) at line 5 by task B" */
    String describe(int i) {
        return i < 0 ? "the final exit" : call(i) + " at line " + p.line(i) + byTask(i);
    }

    /** "fsync(f) at line 5": where a task named already waits. */
    String describeAt(int i) {
        return call(i) + " at line " + p.line(i);
    }

    /** "fsync(f) by task B": the source of bytes whose line is named already. */
    String describeBy(int i) {
        return call(i) + byTask(i);
    }

    /** The step's call as the trace spells it, without its task prefix. */
    private String call(int i) {
        String s = TraceWriter.step(p, i);
        int colon = p.step(i).task() >= 0 ? s.indexOf(": ") : -1;
        return colon >= 0 ? s.substring(colon + 2) : s;
    }

    private String byTask(int i) {
        return p.step(i).task() >= 0 ? " by task " + p.tasks().get(p.step(i).task()) : "";
    }

    String taskName(int t) {
        return t >= 0 && t < p.tasks().size() ? p.tasks().get(t) : "?";
    }
}
