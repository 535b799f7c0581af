package dev.pinfuzz.campaign;

import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A campaign's result read against the canary matrix: per policy, the verdicts found, when each
 * was first found, and each cell's state. Shared by summary.json, report.html and stdout.
 */
public final class MatrixView {
    /**
     * A cell: expected and found, expected and missed, clean as it should be, a violation, or
     * not run (an interrupted campaign never started the policy's fuzzer: nothing is known).
     */
    public enum Cell {
        FOUND("found"), MISSED("missed"), CLEAN("clean"), VIOLATION("violation"), NOT_RUN("not-run");

        private final String word;

        Cell(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        public boolean good() {
            return this == FOUND || this == CLEAN;
        }
    }

    private final Campaign.Result r;

    public MatrixView(Campaign.Result r) {
        this.r = r;
    }

    public Campaign.Result result() {
        return r;
    }

    public List<String> policies() {
        return r.options().policies();
    }

    /** The distinct verdicts of the policy's findings. */
    public Set<Verdict> found(String policy) {
        Set<Verdict> s = EnumSet.noneOf(Verdict.class);
        for (CampaignFinding f : findings(policy)) s.addAll(f.outcome().verdicts());
        return s;
    }

    public List<CampaignFinding> findings(String policy) {
        List<CampaignFinding> l = new ArrayList<>();
        for (CampaignFinding f : r.findings()) if (f.policy().equals(policy)) l.add(f);
        return l;
    }

    public List<Triage.Error> errors(String policy) {
        return r.errors().stream().filter(e -> e.policy().equals(policy)).toList();
    }

    /** Seconds from the fuzzer's start to the first input showing {@code v}. */
    public OptionalDouble timeToFind(String policy, Verdict v) {
        return findings(policy).stream().filter(f -> f.outcome().has(v)).mapToDouble(CampaignFinding::seconds).min();
    }

    public Cell cell(String policy, Verdict v) {
        if (!target(policy).ran()) return Cell.NOT_RUN;
        boolean expected = CanaryMatrix.isExpected(policy, v);
        boolean found = found(policy).contains(v);
        if (expected) return found ? Cell.FOUND : Cell.MISSED;
        return found ? Cell.VIOLATION : Cell.CLEAN;
    }

    /** The policy was fuzzed, its row holds and the model never threw. */
    public boolean holds(String policy) {
        return target(policy).ran() && CanaryMatrix.holds(policy, found(policy)) && errors(policy).stream().noneMatch(Triage.Error::modelError);
    }

    /** Every fuzzed row holds. */
    public boolean holds() {
        return policies().stream().allMatch(this::holds);
    }

    public TargetResult target(String name) {
        return r.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The empty target's figures, or null when it did not run. */
    public TargetResult empty() {
        return target("empty");
    }
}
