package dev.pinfuzz.coverage;

/** Where {@link StateFeatures} reports a feature: Jazzer's extra counters, or a test's list. */
@FunctionalInterface
public interface FeatureSink {
    /**
     * Feature {@code state} (0..255) of slot {@code id} (0..{@value StateFeatures#SLOTS}-1) was
     * seen in this execution; {@link StateFeatures} tells each feature once per execution.
     */
    void hit(int id, int state);
}
