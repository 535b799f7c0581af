package dev.pinfuzz.fuzz;

/**
 * The standalone-driver target for any registered policy, named by the system property
 * {@code pinfuzz.policy} ({@code -Dpinfuzz.policy=skip-pinned}); {@code pinfuzz fuzz} and
 * {@code pinfuzz nightly} run it. With {@code -Dpinfuzz.report=false} it only runs programs,
 * for coverage (libFuzzer's {@code -merge=1}).
 */
public final class PolicyFuzzTarget {
    private static PolicyTarget target;
    private static boolean report = true;

    private PolicyFuzzTarget() {}

    public static void fuzzerInitialize() {
        String policy = System.getProperty("pinfuzz.policy");
        if (policy == null) throw new IllegalStateException("set -Dpinfuzz.policy=NAME");
        target = new PolicyTarget(policy);
        report = !"false".equals(System.getProperty("pinfuzz.report"));
    }

    public static void fuzzerTestOneInput(byte[] data) {
        if (report) target.reportAll(data);
        else target.run(data);
    }
}
