package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.WaitFor;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No indefinite block (DESIGN §3): no wait for a {@code FOLL_LONGTERM} pin, no cycle in the
 * wait-for graph (tasks → page locks / pins → holders), no livelock, nobody stuck at the end.
 * Built from the waits the run reports, like a hung-task detector with lockdep's graph: who
 * holds a lock or a pin is read when the graph is walked, since holders come and go while a
 * task waits.
 */
final class LivenessOracle {
    private final Timeline tl;
    private final Program p;
    private final List<Finding> findings;
    private final Kernel k;
    /** Per task: long-term pin waits already reported for its current wait. */
    private final boolean[] longtermReported;
    /** Per task: the step it is suspended in and what it waits for, or null. */
    private final int[] waitStep;
    private final WaitFor[] waits;

    LivenessOracle(Timeline tl, Kernel k, List<Finding> findings) {
        this.tl = tl;
        this.p = tl.p;
        this.k = k;
        this.findings = findings;
        this.longtermReported = new boolean[p.tasks().size()];
        this.waitStep = new int[p.tasks().size()];
        this.waits = new WaitFor[p.tasks().size()];
    }

    void blocked(int step, int task, WaitFor w) {
        waitStep[task] = step;
        waits[task] = w;
        longtermReported[task] = false;
        checkLongterm(task);
        String cycle = cycleFrom(task);
        if (cycle != null) findings.add(new Finding(Verdict.LIVENESS, "deadlock: " + cycle));
    }

    /** After any step: a pin wait may now be on a long-term pin taken since it began. */
    void recheck() {
        for (int t = 0; t < waits.length; t++) if (waits[t] != null && waits[t].pins() && !longtermReported[t]) checkLongterm(t);
    }

    private void checkLongterm(int task) {
        WaitFor w = waits[task];
        if (!w.pins()) return;
        for (int h : k.pinHolders(w.file(), w.page())) {
            if (!Flags.longterm(p.gupOf(h).flags())) continue;
            longtermReported[task] = true;
            findings.add(new Finding(Verdict.LIVENESS, "task " + tl.taskName(task) + " (" + where(waitStep[task])
                    + ") waits for the release of a FOLL_LONGTERM pin: " + target(w) + " is pinned by handle "
                    + p.handles().get(h) + " (" + tl.describe(p.handleDefinition(h))
                    + "), which its holder may keep for hours"));
            return;
        }
    }

    void unblocked(int task) {
        waits[task] = null;
    }

    boolean anyWaiting() {
        for (WaitFor w : waits) if (w != null) return true;
        return false;
    }

    void crashed() {
        java.util.Arrays.fill(waits, null);
    }

    void livelock(int step, int task, long n) {
        findings.add(new Finding(Verdict.LIVENESS, "livelock: " + where(step) + " did not finish after " + n + " model steps"));
    }

    void ended() {
        for (int t = 0; t < waits.length; t++) {
            if (waits[t] == null) continue;
            findings.add(new Finding(Verdict.LIVENESS, "task " + tl.taskName(t) + " is still suspended after the final exits: " + chain(t)));
            return; // one report names the chain; the others hang off it
        }
    }

    /** Tasks that {@code task}'s wait depends on. */
    private List<Integer> holders(int task) {
        WaitFor w = waits[task];
        List<Integer> out = new ArrayList<>(2);
        if (w == null) return out;
        if (!w.pins()) {
            int h = k.lockHolder(w.file(), w.page());
            if (h >= 0) out.add(h);
        } else {
            for (int h : k.pinHolders(w.file(), w.page())) out.add(tl.owner(h));
        }
        return out;
    }

    private String cycleFrom(int start) {
        List<Integer> path = new ArrayList<>();
        return dfs(start, start, path, new HashSet<>()) ? describe(path, start) : null;
    }

    private boolean dfs(int start, int t, List<Integer> path, Set<Integer> seen) {
        path.add(t);
        for (int h : holders(t)) {
            if (h == start) return true;
            if (waits[h] != null && seen.add(h) && dfs(start, h, path, seen)) return true;
        }
        path.remove(path.size() - 1);
        return false;
    }

    private String describe(List<Integer> path, int start) {
        StringBuilder sb = new StringBuilder();
        for (int t : path) sb.append(edge(t)).append(" → ");
        return sb.append("task ").append(tl.taskName(start)).append(": a cycle").toString();
    }

    /** Follows the wait-for chain from a stuck task for the report. */
    private String chain(int t) {
        StringBuilder sb = new StringBuilder();
        Set<Integer> seen = new HashSet<>();
        while (t >= 0 && waits[t] != null && seen.add(t)) {
            if (sb.length() > 0) sb.append(" → ");
            sb.append(edge(t));
            List<Integer> hs = holders(t);
            t = hs.isEmpty() ? -1 : hs.get(0);
        }
        return sb.toString();
    }

    private String edge(int t) {
        WaitFor w = waits[t];
        StringBuilder sb = new StringBuilder("task ").append(tl.taskName(t)).append(" (").append(where(waitStep[t]))
                .append(") waits for ");
        if (!w.pins()) {
            sb.append("the page lock of ").append(target(w)).append(" held by task ").append(tl.taskName(k.lockHolder(w.file(), w.page())));
        } else {
            int[] holders = k.pinHolders(w.file(), w.page());
            sb.append("the pins on ").append(target(w)).append(" held by ");
            for (int i = 0; i < holders.length; i++) {
                int h = holders[i];
                if (i > 0) sb.append(", ");
                sb.append("handle ").append(p.handles().get(h)).append(" (task ").append(tl.taskName(tl.owner(h)))
                        .append(", line ").append(p.line(p.handleDefinition(h))).append(", ")
                        .append(p.gupOf(h).flags() == 0 ? "flags 0" : Flags.format(p.gupOf(h).flags())).append(')');
            }
        }
        return sb.toString();
    }

    private String target(WaitFor w) {
        return p.files().get(w.file()).name() + "[" + w.page() + "]";
    }

    private String where(int step) {
        return step < 0 ? "its exit" : tl.describeAt(step);
    }
}
