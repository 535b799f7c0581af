package dev.pinfuzz.oracle;

import dev.pinfuzz.program.Verdict;
import java.util.List;

/** The model's {@code BUG_ON}/{@code WARN_ON} points, read from its kernel log. */
final class KernelBugOracle {
    private final Timeline tl;
    private final List<Finding> findings;

    KernelBugOracle(Timeline tl, List<Finding> findings) {
        this.tl = tl;
        this.findings = findings;
    }

    void log(int step, int task, boolean bug, String msg) {
        String where = step >= 0 ? tl.describe(step) : "the exit of task " + tl.taskName(task);
        findings.add(new Finding(Verdict.KERNEL_BUG, msg + " — in " + where + (bug ? "; the task is killed" : "")));
    }
}
