package dev.pinfuzz.run;

import dev.pinfuzz.mm.Errno;
import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.Observer;
import dev.pinfuzz.mm.WaitFor;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceWriter;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code replay --verbose}: every step with its return value or errno, then what changed on the
 * pages (refcount, pins, PG_dirty/PG_locked/PG_writeback, buffers, PTE bits per task) and on
 * the disk (device writes, cache flushes, i_size).
 */
public final class VerboseTrace implements Observer {
    private final Program p;
    private final Kernel k;
    private final PrintStream out;
    private Map<String, String> before = new LinkedHashMap<>();
    private String diskBefore = "";
    private final java.util.List<String> diskLog = new java.util.ArrayList<>();
    private final java.util.List<String> dmesg = new java.util.ArrayList<>();
    /**
     * Lines of a step killed by a BUG, printed once its handles are released: the scheduler tells
     * of the kill first, then drops the task's queued lines and releases its handles as at exit.
     */
    private final java.util.List<String> killed = new java.util.ArrayList<>();

    public VerboseTrace(Program p, Kernel k, PrintStream out) {
        this.p = p;
        this.k = k;
        this.out = out;
        k.traceDisk(diskLog);
    }

    private String head(int step) {
        return String.format("  line %-3d %s", p.line(step), TraceWriter.step(p, step));
    }

    /** Prints a killed step with what its death released, before the next event's lines. */
    private void settleKill() {
        if (killed.isEmpty()) return;
        out.println(killed.remove(0));
        changes();
        for (String l : killed) out.println(l);
        killed.clear();
    }

    @Override
    public void stepStarted(int step, long time) {
        settleKill();
        before = snapshot();
        diskBefore = disk();
    }

    @Override
    public void stepReturned(int step, long time, long result) {
        out.println(head(step) + " = " + Errno.name(result));
        changes();
    }

    @Override
    public void stepBlocked(int step, int task, long time, WaitFor w) {
        String what = p.files().get(w.file()).name() + "[" + w.page() + "]";
        StringBuilder sb = new StringBuilder(head(step)).append(" … suspended: waits for ");
        if (w.pins()) {
            sb.append("the pins on ").append(what).append(" (handles");
            for (int h : w.holders()) sb.append(' ').append(p.handles().get(h));
            sb.append(')');
        } else {
            sb.append("PG_locked on ").append(what).append(" (held by task ").append(p.tasks().get(w.holders()[0])).append(')');
        }
        out.println(sb);
        changes();
    }

    @Override
    public void stepResumed(int step, int task, long time) {
        settleKill();
        out.println("  … task " + p.tasks().get(task) + " resumes line " + (step >= 0 ? p.line(step) : "(exit)"));
        before = snapshot();
        diskBefore = disk();
    }

    @Override
    public void stepKilled(int step, int task, long time) {
        settleKill();
        killed.add(head(step) + " … never returns: task " + p.tasks().get(task) + " killed by BUG");
    }

    @Override
    public void stepDropped(int step, int task) {
        String line = head(step) + " … dropped: task " + p.tasks().get(task) + " is dead";
        if (!killed.isEmpty()) killed.add(line);
        else out.println(line);
    }

    @Override
    public void kernelLog(int step, int task, boolean bug, String message) {
        dmesg.add("      dmesg: " + message); // printed under the step's line, when it ends or waits
    }

    @Override
    public void livelock(int step, int task, long iterations) {
        settleKill();
        out.println("      livelock guard: " + iterations + " model steps");
    }

    @Override
    public void taskExited(int task, long time) {
        settleKill();
        out.println("  exit of task " + p.tasks().get(task) + " at the end of the program");
        changes();
        before = snapshot();
        diskBefore = disk();
    }

    @Override
    public void crashed(int step, long time) {
        settleKill();
        out.println(String.format("  line %-3d crash() — page cache, pins and tasks are gone; disk keeps what it flushed", p.line(step)));
        changes();
    }

    @Override
    public void programEnded(long time) {
        settleKill();
    }

    private void changes() {
        for (String m : dmesg) out.println(m);
        dmesg.clear();
        Map<String, String> now = snapshot();
        for (Map.Entry<String, String> e : now.entrySet()) {
            String was = before.get(e.getKey());
            if (!e.getValue().equals(was))
                out.println("      " + e.getKey() + ": " + (was == null ? "(not cached)" : was) + " -> " + e.getValue());
        }
        for (String key : before.keySet())
            if (!now.containsKey(key)) out.println("      " + key + ": " + before.get(key) + " -> (gone)");
        for (String w : diskLog) out.println("      disk: " + w);
        diskLog.clear();
        String d = disk();
        if (!d.equals(diskBefore)) out.println("      i_size: " + diskBefore + " -> " + d);
        before = now;
        diskBefore = d;
    }

    private Map<String, String> snapshot() {
        return PageStates.snapshot(p, k);
    }

    private String disk() {
        StringBuilder sb = new StringBuilder();
        for (int f = 0; f < p.files().size(); f++) {
            if (f > 0) sb.append("; ");
            sb.append(p.files().get(f).name()).append(" i_size=").append(k.size(f))
                    .append(" (durable ").append(k.durableSize(f)).append(')');
        }
        return sb.toString();
    }
}
