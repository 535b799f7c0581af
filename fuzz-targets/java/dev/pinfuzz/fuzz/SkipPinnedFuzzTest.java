package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Policy {@code skip-pinned}. Standalone driver / OSS-Fuzz: every oracle verdict is a finding.
 * {@code mvn test}: the stored inputs in {@code SkipPinnedFuzzTestInputs/canaryMatrix/} must keep to the
 * policy's row of the canary matrix.
 */
public final class SkipPinnedFuzzTest {
    private static final PolicyTarget TARGET = new PolicyTarget("skip-pinned");

    public static void fuzzerTestOneInput(byte[] data) {
        TARGET.reportAll(data);
    }

    @FuzzTest
    void canaryMatrix(byte[] data) {
        TARGET.assertMatrix(data);
    }
}
