package dev.pinfuzz.campaign;

import dev.pinfuzz.program.Verdict;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DESIGN §3's canary matrix: the verdicts well-formed random programs must find under each
 * known-bad policy. Every other cell, and every policy not listed (a new one), must stay clean.
 */
public final class CanaryMatrix {
    /** The judged columns, in report order. */
    public static final List<Verdict> COLUMNS = List.of(Verdict.DURABILITY, Verdict.LIVENESS, Verdict.PIN_BALANCE, Verdict.KERNEL_BUG);

    private static final Map<String, Set<Verdict>> FOUND = Map.of(
            "gup-2018", EnumSet.of(Verdict.DURABILITY, Verdict.KERNEL_BUG),
            "wait-on-pin", EnumSet.of(Verdict.LIVENESS),
            "skip-pinned", EnumSet.of(Verdict.DURABILITY));

    private CanaryMatrix() {}

    /** The verdicts the matrix expects a campaign to find under {@code policy} (empty: clean). */
    public static Set<Verdict> expected(String policy) {
        Set<Verdict> s = FOUND.get(policy);
        return Collections.unmodifiableSet(s == null ? EnumSet.noneOf(Verdict.class) : EnumSet.copyOf(s));
    }

    /** Whether a finding of {@code v} under {@code policy} is what the matrix expects. */
    public static boolean isExpected(String policy, Verdict v) {
        return expected(policy).contains(v);
    }

    /** Verdicts found in a cell the matrix says is clean: each a model bug or a real finding. */
    public static Set<Verdict> violations(String policy, Set<Verdict> found) {
        Set<Verdict> v = EnumSet.noneOf(Verdict.class);
        for (Verdict f : found) if (f != Verdict.OK && !isExpected(policy, f)) v.add(f);
        return v;
    }

    /** "found" cells the campaign did not find. */
    public static Set<Verdict> missed(String policy, Set<Verdict> found) {
        Set<Verdict> m = EnumSet.noneOf(Verdict.class);
        for (Verdict e : expected(policy)) if (!found.contains(e)) m.add(e);
        return m;
    }

    /** The row holds: every expected verdict found, nothing else. */
    public static boolean holds(String policy, Set<Verdict> found) {
        return violations(policy, found).isEmpty() && missed(policy, found).isEmpty();
    }
}
