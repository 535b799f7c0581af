package dev.pinfuzz.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.coverage.StateFeatures;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/** Folio-state features reach libFuzzer one counter each, so none hides another. */
class JazzerFeaturesTest {
    /** Jazzer 0.30's {@code exploreState(state, id)}: counter {@code state >> 3} of the id's 32 is set to this bucket value. */
    private static final int[] BUCKET = {1, 2, 3, 4, 8, 16, 32, 128};

    /** One execution's extra counters, as {@code exploreState} leaves them: (id, index) to value. */
    private static final class Counters {
        final Map<Long, Integer> set = new HashMap<>();

        void exploreState(byte state, int id) {
            int s = state & 0xFF;
            set.put((long) id << 8 | s >> 3, BUCKET[s & 7]);
        }
    }

    private static Program random(String policy, SplittableRandom r) {
        byte[] in = new byte[8 + r.nextInt(120)];
        for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
        return ProgramDecoder.decode(policy, in);
    }

    /** Runs {@code p}, mapping each feature through {@code toId} and {@code toState}; the hits and the counters. */
    private static Set<Long> run(Program p, Counters c, IntBinaryOperator toId, IntBinaryOperator toState) {
        Set<Long> hits = new HashSet<>();
        Judge.run(p, Policies.get(p.policy()), k -> new StateFeatures(p, k, (slot, state) -> {
            hits.add((long) slot << 8 | state);
            c.exploreState((byte) toState.applyAsInt(slot, state), toId.applyAsInt(slot, state));
        }));
        return hits;
    }

    @Test
    void everyFeatureOfAnExecutionKeepsACounterOfItsOwnWithTheSameValue() {
        SplittableRandom r = new SplittableRandom(3);
        int rawLosses = 0;
        for (String policy : Policies.names()) {
            for (int i = 0; i < 1000; i++) {
                Program p = random(policy, r);
                Counters mapped = new Counters(), raw = new Counters();
                Set<Long> hits = run(p, mapped, JazzerFeatures::id, (slot, state) -> JazzerFeatures.state(state));
                run(p, raw, (slot, state) -> slot, (slot, state) -> state);
                assertEquals(hits.size(), mapped.set.size(), policy + " input " + i + ": features share a counter, so a later one overwrites an earlier");
                assertTrue(mapped.set.values().stream().allMatch(v -> v == 1),
                        "every counter must hold the same value, or a merge with -use_counters=0 tells fewer features apart");
                if (raw.set.size() < hits.size()) rawLosses++;
            }
        }
        assertTrue(rawLosses > 0, "the emulation should show exploreState(state, slot) losing features, as Jazzer does");
    }

    @Test
    void idsStayWithinJazzersExtraCounters() {
        for (int slot = 0; slot < StateFeatures.SLOTS; slot++)
            for (int state = 0; state < 256; state++) {
                int id = JazzerFeatures.id(slot, state);
                assertTrue(id >= 0 && id < StateFeatures.SLOTS * 8, "id " + id);
                assertEquals(0, JazzerFeatures.state(state) & 7, "bucket bits must be zero");
            }
    }

    @Test
    void aTargetReportingStatesJudgesEveryProgramAsOneThatDoesNot() {
        SplittableRandom r = new SplittableRandom(9);
        for (String policy : Policies.names()) {
            PolicyTarget states = new PolicyTarget(policy, true), plain = new PolicyTarget(policy, false);
            for (int i = 0; i < 300; i++) {
                byte[] in = new byte[8 + r.nextInt(120)];
                for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
                assertEquals(plain.run(in).verdicts(), states.run(in).verdicts(), policy + " input " + i);
            }
        }
    }
}
