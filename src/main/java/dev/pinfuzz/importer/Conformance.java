package dev.pinfuzz.importer;

import dev.pinfuzz.mm.Errno;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.oracle.Timeline;
import dev.pinfuzz.program.TraceWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Real-kernel conformance: for every pinning call whose answer the log records (accepted, or
 * EFAULT), whether the model, replaying the imported program under {@code refuse-longterm},
 * gives the same answer at the call's GUP steps.
 */
public final class Conformance {
    /** One recorded answer and what the model said. */
    public record Check(String where, String call, String kernel, String model, boolean predicted) {}

    private final List<Check> checks = new ArrayList<>();
    private final List<String> notModelled;

    private final Outcome outcome;

    Conformance(List<Answer> answers, int[] stepOf, Outcome outcome, List<String> notModelled) {
        this.outcome = outcome;
        Timeline tl = outcome.timeline();
        this.notModelled = List.copyOf(notModelled);
        for (Answer a : answers) {
            if (!compared(a, stepOf)) continue;
            List<Integer> steps = new ArrayList<>();
            for (int d : a.drafts) steps.add(stepOf[d]);
            String model = model(steps, tl);
            boolean ok = a.kernelFault ? model.equals("-EFAULT") : model.equals("pinned");
            checks.add(new Check(a.where, a.call, a.kernelFault ? "-EFAULT" : "accepted (" + a.kernel + ")", model, ok));
        }
    }

    /**
     * Whether {@code --check} compares this answer: the kernel accepted the pin or refused it with
     * {@code EFAULT} (other errors fail before memory is touched), and every step made from the
     * call is in the program (not capped away by {@code --max-steps}).
     */
    static boolean compared(Answer a, int[] stepOf) {
        if (a.kernel == null || (!a.kernelFault && a.kernel.startsWith("-")) || a.drafts.isEmpty()) return false;
        for (int d : a.drafts) if (stepOf[d] < 0) return false;
        return true;
    }

    private static String model(List<Integer> steps, Timeline tl) {
        String out = "pinned";
        for (int s : steps) {
            if (!tl.returned(s)) return "not run (its task was suspended or killed)";
            if (tl.result(s) < 0) out = Errno.name(tl.result(s));
        }
        return out;
    }

    public List<Check> checks() {
        return checks;
    }

    public int predicted() {
        return (int) checks.stream().filter(Check::predicted).count();
    }

    public List<String> notModelled() {
        return notModelled;
    }

    /** The replay's verdicts and explanations. */
    public Outcome outcome() {
        return outcome;
    }

    /** {@code conformance: N/M recorded answers predicted}, then each mismatch and what is not modelled. */
    public String report(String source) {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": conformance: ").append(predicted()).append('/').append(checks.size())
                .append(" recorded answers predicted under refuse-longterm; the program replays ")
                .append(TraceWriter.verdicts(outcome.verdicts()));
        if (!notModelled.isEmpty()) sb.append(" (").append(notModelled.size()).append(" not modelled)");
        for (Check c : checks)
            if (!c.predicted())
                sb.append("\n  mismatch: ").append(c.where()).append(' ').append(c.call())
                        .append(": kernel ").append(c.kernel()).append(", model ").append(c.model());
        for (String n : notModelled) sb.append("\n  not modelled: ").append(n);
        return sb.toString();
    }
}
