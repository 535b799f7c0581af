package dev.pinfuzz.campaign;

import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import dev.pinfuzz.run.Regression;
import java.nio.file.Path;

/**
 * A finding of a campaign after triage: the verdict hunted, the shrunk program (with its policy
 * and expect lines), the outcome of replaying it, and where it came from.
 *
 * @param seconds when the crashing input was written, in seconds since its fuzzer started (for
 *        the property sweep, since the sweep began)
 * @param input the fuzzer's crashing input, or the sweep's violating program as one
 * @param originalSteps steps of the decoded input before shrinking
 * @param engine {@link #JAZZER} or {@link #SWEEP}
 */
public record CampaignFinding(Verdict verdict, String policy, Program program, Outcome outcome,
                              double seconds, Path input, int originalSteps, String engine) {
    /** Found by a coverage-guided fuzzer. */
    public static final String JAZZER = "jazzer";
    /** Found by the property sweep before the fuzzers ({@link PropertySweep}): only ever a clean cell. */
    public static final String SWEEP = "property sweep";

    /** What dedups findings: the verdict, the policy and the shrunk canonical text. */
    public String signature() {
        return verdict.spelling() + "\n" + policy + "\n" + TraceWriter.print(program);
    }

    /** The engine's regression form: file names, trace text with explanations, JUnit class. */
    public Regression regression() {
        return new Regression(program, outcome);
    }

    /** Whether the canary matrix expects this verdict under this policy. */
    public boolean expected() {
        return CanaryMatrix.isExpected(policy, verdict);
    }

    /** The first explanation of the hunted verdict. */
    public String explanation() {
        return outcome.findings().stream().filter(f -> f.verdict() == verdict).map(dev.pinfuzz.oracle.Finding::explanation)
                .findFirst().orElse("");
    }
}
