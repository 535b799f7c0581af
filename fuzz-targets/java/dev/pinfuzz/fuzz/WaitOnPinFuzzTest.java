package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Policy {@code wait-on-pin}. Standalone driver / OSS-Fuzz: every oracle verdict is a finding.
 * {@code mvn test}: the stored inputs in {@code WaitOnPinFuzzTestInputs/canaryMatrix/} must keep to the
 * policy's row of the canary matrix.
 */
public final class WaitOnPinFuzzTest {
    private static final PolicyTarget TARGET = new PolicyTarget("wait-on-pin");

    public static void fuzzerTestOneInput(byte[] data) {
        TARGET.reportAll(data);
    }

    @FuzzTest
    void canaryMatrix(byte[] data) {
        TARGET.assertMatrix(data);
    }
}
