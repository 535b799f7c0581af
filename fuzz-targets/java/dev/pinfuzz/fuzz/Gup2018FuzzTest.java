package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Policy {@code gup-2018}. Standalone driver / OSS-Fuzz: every oracle verdict is a finding.
 * {@code mvn test}: the stored inputs in {@code Gup2018FuzzTestInputs/canaryMatrix/} must keep to the
 * policy's row of the canary matrix.
 */
public final class Gup2018FuzzTest {
    private static final PolicyTarget TARGET = new PolicyTarget("gup-2018");

    public static void fuzzerTestOneInput(byte[] data) {
        TARGET.reportAll(data);
    }

    @FuzzTest
    void canaryMatrix(byte[] data) {
        TARGET.assertMatrix(data);
    }
}
