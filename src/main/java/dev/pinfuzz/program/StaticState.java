package dev.pinfuzz.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the validator tracks in line order: handle lifetimes, exited tasks, crash epochs. */
final class StaticState {
    static final class HandleInfo {
        final int definedLine;
        final int owner;
        final int epoch;
        final int flags;
        final int pages;
        int releasedLine;
        /** True when the release was its owner's exit(). */
        boolean releasedByExit;

        HandleInfo(int definedLine, int owner, int epoch, int flags, int pages) {
            this.definedLine = definedLine;
            this.owner = owner;
            this.epoch = epoch;
            this.flags = flags;
            this.pages = pages;
        }
    }

    final List<HandleInfo> handles = new ArrayList<>();
    /** Task index to the line of its exit() in the current crash epoch. */
    final Map<Integer, Integer> exited = new HashMap<>();
    int epoch;
    int lastCrashLine;

    void crash(int line) {
        epoch++;
        lastCrashLine = line;
        exited.clear();
    }

    /** exit(): the task's live handles are released with it. */
    void exit(int task, int line) {
        exited.put(task, line);
        for (HandleInfo h : handles)
            if (h.owner == task && h.epoch == epoch && h.releasedLine == 0) {
                h.releasedLine = line;
                h.releasedByExit = true;
            }
    }
}
