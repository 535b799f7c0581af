package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.api.Jazzer;
import dev.pinfuzz.coverage.FeatureSink;

/**
 * Hands {@link dev.pinfuzz.coverage.StateFeatures} to libFuzzer as Jazzer's extra counters
 * ({@link Jazzer#exploreState}: 32 counters per id, and 256 states per id through the hit-count
 * buckets). Ids stay below 128 so that the tracker's boxed lookups hit the {@code Integer} cache;
 * nothing else in a pinfuzz target calls {@code exploreState}, so they cannot collide.
 */
final class JazzerFeatures implements FeatureSink {
    static final JazzerFeatures SINK = new JazzerFeatures();

    private JazzerFeatures() {}

    @Override
    public void hit(int id, int state) {
        Jazzer.exploreState((byte) state, id);
    }
}
