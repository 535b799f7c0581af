package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.Observer;
import dev.pinfuzz.mm.Scheduler;
import dev.pinfuzz.mm.WaitFor;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs a program under a policy with the four oracles watching, and collects their verdicts. */
public final class Judge implements Observer {
    private final Timeline tl;
    private final List<Finding> findings = new ArrayList<>();
    private final DurabilityOracle durability;
    private final LivenessOracle liveness;
    private final PinBalanceOracle pinBalance;
    private final KernelBugOracle kernelBug;
    private final Observer also;

    private Judge(Program p, Kernel k, Observer also) {
        this.tl = new Timeline(p);
        this.durability = new DurabilityOracle(tl, k, findings);
        this.liveness = new LivenessOracle(tl, k, findings);
        this.pinBalance = new PinBalanceOracle(tl, k, findings);
        this.kernelBug = new KernelBugOracle(tl, findings);
        this.also = also;
    }

    /** Runs and judges. */
    public static Outcome run(Program p, WritebackPolicy policy) {
        return run(p, policy, null);
    }

    /**
     * Runs and judges, also telling {@code watcher} (built once the kernel exists) every event
     * after the oracles have seen it.
     */
    public static Outcome run(Program p, WritebackPolicy policy, java.util.function.Function<Kernel, Observer> watcher) {
        Judge[] j = new Judge[1];
        Scheduler.run(p, policy, k -> j[0] = new Judge(p, k, watcher == null ? null : watcher.apply(k)));
        return j[0].outcome();
    }

    private Outcome outcome() {
        Set<Verdict> vs = EnumSet.noneOf(Verdict.class);
        for (Finding f : findings) vs.add(f.verdict());
        return new Outcome(vs, findings, tl);
    }

    @Override
    public void stepStarted(int step, long time) {
        tl.started(step, time);
        durability.stepStarted(step, time);
        pinBalance.stepStarted(step);
        if (also != null) also.stepStarted(step, time);
    }

    @Override
    public void stepReturned(int step, long time, long result) {
        durability.stepReturned(step, time, result);
        tl.returned(step, time, result);
        liveness.unblocked(tl.p.step(step).task());
        if (liveness.anyWaiting()) liveness.recheck();
        pinBalance.check(step);
        if (also != null) also.stepReturned(step, time, result);
    }

    @Override
    public void stepBlocked(int step, int task, long time, WaitFor what) {
        liveness.blocked(step, task, what);
        if (step >= 0) durability.stepBlocked(step, what);
        pinBalance.check(step);
        if (also != null) also.stepBlocked(step, task, time, what);
    }

    @Override
    public void stepResumed(int step, int task, long time) {
        liveness.unblocked(task);
        durability.stepResumed(step, time);
        if (also != null) also.stepResumed(step, task, time);
    }

    @Override
    public void stepKilled(int step, int task, long time) {
        tl.killed[step] = true;
        liveness.unblocked(task);
        durability.exited(task, time);
        tl.releaseOwnedBy(task);
        pinBalance.check(step);
        if (also != null) also.stepKilled(step, task, time);
    }

    @Override
    public void stepDropped(int step, int task) {
        tl.dropped[step] = true;
        if (also != null) also.stepDropped(step, task);
    }

    @Override
    public void kernelLog(int step, int task, boolean bug, String message) {
        kernelBug.log(step, task, bug, message);
        if (also != null) also.kernelLog(step, task, bug, message);
    }

    @Override
    public void livelock(int step, int task, long iterations) {
        liveness.livelock(step, task, iterations);
        if (also != null) also.livelock(step, task, iterations);
    }

    @Override
    public void taskExited(int task, long time) {
        tl.releaseOwnedBy(task);
        pinBalance.check(-1);
        if (also != null) also.taskExited(task, time);
    }

    @Override
    public void crashed(int step, long time) {
        tl.started(step, time);
        tl.end[step] = time;
        durability.crashed(step, time);
        liveness.crashed();
        tl.crashed();
        if (also != null) also.crashed(step, time);
    }

    @Override
    public void programEnded(long time) {
        liveness.ended();
        pinBalance.ended();
        if (also != null) also.programEnded(time);
    }
}
