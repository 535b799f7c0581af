package dev.pinfuzz.mm;

import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;

/**
 * Runs a program line by line (DESIGN §2 "Scheduling"). A step that must wait suspends its task
 * holding what it holds; later lines of that task queue behind it; after each line, suspended
 * tasks whose condition holds resume, oldest first. {@code crash()} belongs to no task. At the
 * end every task that is not suspended exits, until nothing changes.
 */
public final class Scheduler {
    /** Livelock guard: resumptions allowed after one line before the run is declared stuck. */
    static final int MAX_RESUMES_PER_LINE = 10_000;

    private final Kernel k;
    private final Program p;
    private final Observer obs;
    private long clock = 1; // 0 is "before the program": the initial zeros landed then
    private long seq;
    /** Tasks suspended now (waiting for a lock or pins): none, and there is nothing to resume. */
    private int blocked;
    /** First appearances since the last crash, and whether there was one. */
    private int births;
    private boolean crashed;
    /** During the final exits: the earliest position (in exit order) of a task that resumed; positions by task after a crash. */
    private int firstResumed = Integer.MAX_VALUE;
    private int[] exitPos;

    private Scheduler(Program p, WritebackPolicy policy, Observer obs) {
        this.k = new Kernel(p, policy, obs);
        this.p = p;
        this.obs = obs;
    }

    /** Runs the whole program and returns the final kernel state for inspection. */
    public static Kernel run(Program p, WritebackPolicy policy, Observer obs) {
        Scheduler s = new Scheduler(p, policy, obs);
        s.runAll();
        return s.k;
    }

    /** For observers that need to look at the kernel while it runs. */
    public static Kernel run(Program p, WritebackPolicy policy, java.util.function.Function<Kernel, Observer> make) {
        Forwarder fw = new Forwarder();
        Scheduler s = new Scheduler(p, policy, fw);
        fw.target = make.apply(s.k);
        s.runAll();
        return s.k;
    }

    private void runAll() {
        for (int i = 0; i < p.size(); i++) {
            Step st = p.step(i);
            if (st.call() == Call.CRASH) {
                crash(i);
            } else {
                Task t = k.tasks[st.task()];
                if (!t.seen) {
                    t.seen = true;
                    t.born = ++births;
                }
                if (t.dead) obs.stepDropped(i, t.idx);
                else if (t.suspended() || !t.queue.isEmpty()) t.queue.add(i);
                else start(t, i);
            }
            resumeReady(i);
        }
        finalExits();
        obs.programEnded(clock++);
    }

    private void start(Task t, int i) {
        t.resetProgress();
        obs.stepStarted(i, clock++);
        t.running = i;
        proceed(t);
    }

    /** Runs (or continues) the task's current step to its end or its next wait. */
    private void proceed(Task t) {
        int i = t.running;
        k.step = i;
        long r = i == Task.FINAL_EXIT ? Gup.exit(k, t) : exec(t, i);
        if (r == Kernel.BLOCKED) {
            // A resumed step that must wait again is suspended anew, behind those already waiting
            // (a task woken from a wait queue that sleeps again goes to its tail).
            if (t.suspendedSeq == 0) blocked++;
            t.suspendedSeq = ++seq;
            obs.stepBlocked(i, t.idx, clock++, waitFor(t));
            return;
        }
        t.running = -1;
        if (t.suspendedSeq != 0) blocked--;
        t.suspendedSeq = 0;
        t.waitFolio = null;
        if (r == Kernel.KILLED) {
            kill(t, i);
            return;
        }
        if (i == Task.FINAL_EXIT) obs.taskExited(t.idx, clock++);
        else obs.stepReturned(i, clock++, r);
    }

    private long exec(Task t, int i) {
        Step st = p.step(i);
        Op op = st.op();
        int stamp = p.line(i);
        switch (op.call()) {
            case WRITE: return FaultPath.write(k, t, (Op.Write) op, stamp);
            case STORE: return FaultPath.store(k, t, (Op.Store) op, stamp);
            case GET_USER_PAGES:
            case PIN_USER_PAGES: return Gup.gup(k, t, st.handle(), (Op.Gup) op);
            case DMA_WRITE: return Gup.dma(k, (Op.DmaWrite) op, stamp);
            case SET_PAGE_DIRTY_LOCK: return Gup.setPageDirtyLock(k, t, (Op.SetPageDirtyLock) op);
            case FSYNC:
            case FDATASYNC:
            case MSYNC:
            case SYNC: return Writeback.run(k, t, ((Op.Sync) op).file(), true);
            case SYNC_FILE_RANGE:
            case WRITEBACK: return Writeback.run(k, t, ((Op.Sync) op).file(), false);
            case RECLAIM: return Reclaim.run(k, t);
            case TRUNCATE: return Truncate.run(k, t, (Op.Truncate) op, stamp);
            case EXIT: return Gup.exit(k, t);
            default:
                if (op instanceof Op.Release r) return Gup.release(k, t, r);
                throw new AssertionError(op);
        }
    }

    private WaitFor waitFor(Task t) {
        Folio x = t.waitFolio;
        if (!t.waitPins) return new WaitFor(x.file, x.index, false, new int[] {x.lockOwner});
        return new WaitFor(x.file, x.index, true, k.pinHolders(x.file, x.index));
    }

    private static boolean ready(Task t) {
        Folio x = t.waitFolio;
        if (x == null) return true;
        return t.waitPins ? x.pins <= 0 : x.lockOwner < 0 || x.lockOwner == t.idx;
    }

    /** Resumes ready suspended tasks, oldest first, draining their queues, until none is ready. */
    private void resumeReady(int line) {
        for (int guard = 0; blocked > 0; guard++) {
            Task next = null;
            for (Task t : k.tasks)
                if (t.suspended() && !t.dead && ready(t) && (next == null || t.suspendedSeq < next.suspendedSeq)) next = t;
            if (next == null) return;
            if (guard >= MAX_RESUMES_PER_LINE) {
                obs.livelock(next.running, next.idx, guard);
                return;
            }
            obs.stepResumed(next.running, next.idx, clock++);
            proceed(next);
            drain(next);
            firstResumed = Math.min(firstResumed, exitPos == null ? next.idx : exitPos[next.idx]);
        }
    }

    /** Runs the task's queued lines until one suspends or none is left. */
    private void drain(Task t) {
        while (!t.suspended() && !t.dead && !t.queue.isEmpty()) {
            int i = t.queue.poll();
            start(t, i);
        }
    }

    /** A BUG: the step never returns; its queued lines are dropped; locks go; handles released as at exit. */
    private void kill(Task t, int i) {
        obs.stepKilled(i, t.idx, clock++);
        t.dead = true;
        for (Inode f : k.files) for (Folio x : f.cache) if (x != null && x.lockOwner == t.idx) k.unlock(x);
        for (Folio x : k.orphans) if (x.lockOwner == t.idx) k.unlock(x);
        while (!t.queue.isEmpty()) obs.stepDropped(t.queue.poll(), t.idx);
        t.resetProgress();
        if (Gup.exit(k, t) == Kernel.BLOCKED) {
            // Only a page under another task's lock would need waiting; such pages are dirty,
            // so exit never waits. Keep the handles rather than wait in a dead task.
            t.waitFolio = null;
        }
        t.running = -1;
    }

    /** Power loss: page cache, pins, tasks vanish; the disk keeps what it had flushed. */
    private void crash(int i) {
        obs.stepStarted(i, clock++);
        for (Inode f : k.files) f.crash(p.line(i));
        k.orphans.clear();
        java.util.Arrays.fill(k.handles, null);
        for (int j = 0; j < k.tasks.length; j++) k.tasks[j] = new Task(j, k.files.length);
        blocked = 0;
        births = 0; // the tasks after a crash are fresh: they are ordered by their own first lines
        crashed = true;
        obs.crashed(i, clock++);
    }

    /**
     * The end: one at a time, the first task in order of appearance (since the last crash) that
     * is not suspended exits, and the usual resumes follow; a task an exit let resume is next in
     * line if it comes earlier than the position reached.
     */
    private void finalExits() {
        // k.tasks is in the parser's order of first appearance: only a crash can change the order
        Task[] order = k.tasks;
        if (crashed) {
            order = order.clone();
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(t -> t.seen ? t.born : Integer.MAX_VALUE));
            exitPos = new int[order.length];
            for (int j = 0; j < order.length; j++) exitPos[order[j].idx] = j;
        }
        for (int at = 0; at < order.length; ) {
            Task t = order[at];
            if (!t.seen || t.suspended() || t.exited || t.dead) {
                at++;
                continue;
            }
            t.resetProgress();
            t.running = Task.FINAL_EXIT;
            firstResumed = Integer.MAX_VALUE;
            proceed(t);
            resumeReady(-1);
            at = Math.min(at + 1, firstResumed);
        }
    }

    /** Lets an observer be built after the kernel it observes. */
    private static final class Forwarder implements Observer {
        Observer target;
        public void stepStarted(int s, long t) { target.stepStarted(s, t); }
        public void stepReturned(int s, long t, long r) { target.stepReturned(s, t, r); }
        public void stepBlocked(int s, int task, long t, WaitFor w) { target.stepBlocked(s, task, t, w); }
        public void stepResumed(int s, int task, long t) { target.stepResumed(s, task, t); }
        public void stepKilled(int s, int task, long t) { target.stepKilled(s, task, t); }
        public void stepDropped(int s, int task) { target.stepDropped(s, task); }
        public void kernelLog(int s, int task, boolean bug, String m) { target.kernelLog(s, task, bug, m); }
        public void livelock(int s, int task, long n) { target.livelock(s, task, n); }
        public void taskExited(int task, long t) { target.taskExited(task, t); }
        public void crashed(int s, long t) { target.crashed(s, t); }
        public void programEnded(long t) { target.programEnded(t); }
    }
}
