package dev.pinfuzz.oracle;

import dev.pinfuzz.program.Verdict;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What a run was judged: the distinct verdicts ({@code ok} when empty) and their explanations. */
public record Outcome(Set<Verdict> verdicts, List<Finding> findings, Timeline timeline) {
    public Outcome {
        verdicts = Collections.unmodifiableSet(verdicts.isEmpty() ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(verdicts));
        findings = List.copyOf(findings);
    }

    public boolean ok() {
        return verdicts.isEmpty();
    }

    public boolean has(Verdict v) {
        return verdicts.contains(v);
    }

    /** The first explanation of each verdict, in report order. */
    public List<Finding> firstOfEach() {
        List<Finding> out = new java.util.ArrayList<>();
        for (Verdict v : verdicts)
            for (Finding f : findings)
                if (f.verdict() == v) {
                    out.add(f);
                    break;
                }
        return out;
    }
}
