package dev.pinfuzz.mm;

/**
 * What can be seen of a run from outside the model: steps starting, returning, blocking and
 * dying, the kernel log, and power loss. Times are a global event counter.
 */
public interface Observer {
    /** A step begins to run (not when its line is reached, if it queued). */
    default void stepStarted(int step, long time) {}

    /** A step returned {@code result} (a count or a negative errno). */
    default void stepReturned(int step, long time, long result) {}

    /** A step had to wait; its task is suspended holding what it holds. */
    default void stepBlocked(int step, int task, long time, WaitFor what) {}

    /** A suspended step's wait ended; it runs on. */
    default void stepResumed(int step, int task, long time) {}

    /** The task was killed by a BUG in this step: the step never returns. */
    default void stepKilled(int step, int task, long time) {}

    /** A line that never runs: its task was killed before it. */
    default void stepDropped(int step, int task) {}

    /** A {@code BUG_ON}/{@code WARN_ON} fired. */
    default void kernelLog(int step, int task, boolean bug, String message) {}

    /** An operation took more model steps than the livelock guard allows. */
    default void livelock(int step, int task, long iterations) {}

    /** A task exited at the end of the program (final exit); {@code step} is -1. */
    default void taskExited(int task, long time) {}

    /** Power was lost at this step; the disk now holds only what it had flushed. */
    default void crashed(int step, long time) {}

    /** Every task that could exit has exited; remaining suspended tasks are stuck. */
    default void programEnded(long time) {}
}
