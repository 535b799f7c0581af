package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.api.Jazzer;
import dev.pinfuzz.coverage.FeatureSink;

/**
 * Hands {@link dev.pinfuzz.coverage.StateFeatures} to libFuzzer as Jazzer's extra counters.
 *
 * <p>{@link Jazzer#exploreState}{@code (state, id)} owns 32 counters per id and <em>sets</em>
 * counter {@code state >> 3} to a hit-count bucket chosen by {@code state & 7}: two states that
 * differ only in their low three bits share a counter, the later overwriting the earlier within
 * one execution, and a merge with {@code -use_counters=0} cannot tell them apart at all. So each
 * feature gets a counter of its own: the low three bits move into the id, and every counter is
 * set to the first bucket. {@value dev.pinfuzz.coverage.StateFeatures#SLOTS} slots × 8 ids × 32
 * counters = 32,768 counters, well within Jazzer's extra-counter space.
 */
final class JazzerFeatures implements FeatureSink {
    static final JazzerFeatures SINK = new JazzerFeatures();

    private JazzerFeatures() {}

    /** The {@code exploreState} id of a feature: slot and low three state bits. */
    static int id(int slot, int state) {
        return slot << 3 | state & 7;
    }

    /** The {@code exploreState} state of a feature: its high five bits pick the counter, the low three are 0 (bucket 1). */
    static byte state(int state) {
        return (byte) (state & 0xF8);
    }

    @Override
    public void hit(int slot, int state) {
        Jazzer.exploreState(state(state), id(slot, state));
    }
}
