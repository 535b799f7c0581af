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
     * A cell: expected and found, expected and missed, clean as it should be, a violation, not
     * run (an interrupted campaign never got the policy's fuzzer to run an input), or cut short
     * (interrupted before the policy's budget ran out, and not found so far: nothing is known).
     */
    public enum Cell {
        FOUND("found"), MISSED("missed"), CLEAN("clean"), VIOLATION("violation"), NOT_RUN("not-run"), CUT_SHORT("cut-short");

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
        TargetResult t = target(policy);
        boolean expected = CanaryMatrix.isExpected(policy, v);
        // A violation the property sweep found stands even if the policy's fuzzer never ran.
        if (found(policy).contains(v)) return expected ? Cell.FOUND : Cell.VIOLATION;
        if (!t.ran()) return Cell.NOT_RUN;
        if (t.stopped()) return Cell.CUT_SHORT;
        return expected ? Cell.MISSED : Cell.CLEAN;
    }

    /** The policy was fuzzed to the end of its budget, its row holds and the model never threw. */
    public boolean holds(String policy) {
        return row(policy) == Row.HOLDS;
    }

    /** Every row holds: every policy was fuzzed to the end of its budget and its row holds. */
    public boolean holds() {
        return policies().stream().allMatch(this::holds);
    }

    /**
     * Some row is known not to hold. After an interrupt a row cut short or never run is only
     * unsettled; in a campaign that ran to its end, a fuzzer that ran no input is a failure.
     */
    public boolean broken() {
        return policies().stream().anyMatch(p -> row(p) == Row.BROKEN || !r.interrupted() && row(p) != Row.HOLDS);
    }

    /** A policy's row: it holds, it is broken, or nothing is settled because the campaign was interrupted. */
    public enum Row {
        HOLDS("holds"), BROKEN("BROKEN"), CUT_SHORT("cut short"), NOT_RUN("not run");

        private final String word;

        Row(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The spelling in summary.json: holds, broken, cut-short, not-run. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A violation or a model error breaks a row however short the run; a missed cell only once
     * the fuzzer has used its whole budget.
     */
    public Row row(String policy) {
        TargetResult t = target(policy);
        boolean broken = errors(policy).stream().anyMatch(Triage.Error::modelError);
        for (Verdict c : CanaryMatrix.COLUMNS) {
            Cell cell = cell(policy, c);
            broken |= cell == Cell.VIOLATION || cell == Cell.MISSED;
        }
        if (broken) return Row.BROKEN;
        if (!t.ran()) return Row.NOT_RUN;
        return t.stopped() ? Row.CUT_SHORT : Row.HOLDS;
    }

    public TargetResult target(String name) {
        return r.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The empty target's figures, or null when it did not run. */
    public TargetResult empty() {
        return target("empty");
    }
}
