package dev.pinfuzz.fuzz;

import dev.pinfuzz.campaign.CanaryMatrix;
import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.coverage.StateFeatures;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The body shared by every policy target: decode the fuzzer's bytes with the engine's decoder
 * (always a well-formed program), run it under the policy with the oracles watching, and
 * report what they found.
 *
 * <p>Two modes. {@link #reportAll} (the standalone driver, OSS-Fuzz) reports every verdict:
 * a canary's expected findings are findings too, and the campaign sorts them against the
 * canary matrix. {@link #assertMatrix} (JUnit {@code @FuzzTest}, regression mode under
 * {@code mvn test}) reports only a verdict the matrix says must stay clean for the policy, so
 * stored inputs that show a canary's expected failure pass, and a clean cell that breaks fails.
 */
public final class PolicyTarget {
    private final String policy;
    private final WritebackPolicy rules;
    private final Set<Verdict> expected;
    private final boolean states;
    /**
     * Kinds of finding already thrown by this target in this JVM. Jazzer ignores a second finding
     * with the same signature (the kind, see {@link FindingKind}) under {@code --keep_going}, but
     * only after the exception's stack was filled in and hashed; canary policies find something
     * in a large share of inputs, so dropping repeats here keeps the fuzzer at full speed.
     */
    private final Set<String> reported = new java.util.HashSet<>();

    /**
     * Reports folio states to libFuzzer when the system property {@code pinfuzz.coverage} is
     * {@code states} (as {@code pinfuzz fuzz} and {@code nightly} set it by default); otherwise
     * coverage is Jazzer's bytecode instrumentation alone.
     */
    public PolicyTarget(String policy) {
        this(policy, Coverage.STATES.spelling().equals(System.getProperty(JazzerCommand.COVERAGE_PROPERTY)));
    }

    /** With {@code states}, also reports the model's folio states to libFuzzer ({@link StateFeatures}). */
    public PolicyTarget(String policy, boolean states) {
        this.states = states;
        this.rules = Policies.get(policy);
        if (rules == null) throw new IllegalArgumentException("unknown policy '" + policy + "' (known: " + Policies.names() + ")");
        this.policy = policy;
        this.expected = CanaryMatrix.expected(policy);
    }

    public String policy() {
        return policy;
    }

    /** Runs the program the bytes decode to. */
    public Outcome run(byte[] data) {
        Program p = ProgramDecoder.decode(policy, data);
        return states ? Judge.run(p, rules, k -> new StateFeatures(p, k, JazzerFeatures.SINK)) : Judge.run(p, rules);
    }

    /** Throws an {@link OracleFinding} for any verdict, once per kind of finding. */
    public void reportAll(byte[] data) {
        Outcome o = run(data);
        if (!o.ok()) raise(o, o.verdicts(), true);
    }

    /** Throws an {@link OracleFinding} only for verdicts outside the policy's canary row. */
    public void assertMatrix(byte[] data) {
        Outcome o = run(data);
        Set<Verdict> bad = CanaryMatrix.violations(policy, o.verdicts());
        if (!bad.isEmpty()) raise(o, bad, false);
    }

    /**
     * Raises an {@link OracleFinding} marked with its kind of finding (see {@link FindingKind}) for
     * the verdicts in {@code which}; with {@code once}, not for a kind this target raised before.
     */
    private void raise(Outcome o, Set<Verdict> which, boolean once) {
        List<Finding> shown = new ArrayList<>();
        for (Finding f : o.firstOfEach()) if (which.contains(f.verdict())) shown.add(f);
        String kind = FindingKind.of(shown);
        if (once && !reported.add(kind)) return;
        java.util.StringJoiner message = new java.util.StringJoiner("\n", policy + ": ", "");
        for (Finding f : shown) message.add(f.verdict().spelling() + ": " + f.explanation());
        throw FindingKind.mark(new OracleFinding(message.toString()), kind);
    }
}
