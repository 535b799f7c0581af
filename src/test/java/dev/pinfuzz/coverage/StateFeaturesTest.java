package dev.pinfuzz.coverage;

import static dev.pinfuzz.coverage.StateFeatures.BLOCKED;
import static dev.pinfuzz.coverage.StateFeatures.DIRTY;
import static dev.pinfuzz.coverage.StateFeatures.GUP_REF;
import static dev.pinfuzz.coverage.StateFeatures.LOCKED;
import static dev.pinfuzz.coverage.StateFeatures.LOGGED;
import static dev.pinfuzz.coverage.StateFeatures.MAPPED;
import static dev.pinfuzz.coverage.StateFeatures.NO_BUFFERS;
import static dev.pinfuzz.coverage.StateFeatures.ON_PINS;
import static dev.pinfuzz.coverage.StateFeatures.PINNED;
import static dev.pinfuzz.coverage.StateFeatures.RETURNED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The folio-state features a guided fuzzer sees name the states a kernel engineer would look for. */
class StateFeaturesTest {
    private record Hit(int id, int state) {
        @Override
        public String toString() {
            String slot = id < StateFeatures.CRASHED ? Call.values()[id % 32].spelling() : "#" + id;
            return (id < BLOCKED ? "returned " : id < LOGGED ? "blocked " : id < StateFeatures.CRASHED ? "logged " : "") + slot
                    + " " + Integer.toBinaryString(state);
        }
    }

    private static List<Hit> features(Program p) {
        List<Hit> hits = new ArrayList<>();
        Judge.run(p, Policies.get(p.policy()), k -> new StateFeatures(p, k, (id, s) -> hits.add(new Hit(id, s))));
        return hits;
    }

    private static List<Hit> features(String trace) throws Exception {
        return features(TraceParser.parse("test.trace", trace));
    }

    @Test
    void reclaimLeavesTheGupReferencedPageUnmappedWithoutBuffers() throws Exception {
        List<Hit> h = features("""
                policy gup-2018
                file f pages=1
                A: p = get_user_pages(f, 0, 1, FOLL_WRITE)
                A: fsync(f)
                A: reclaim()
                """);
        assertEquals(new Hit(RETURNED + Call.GET_USER_PAGES.ordinal(), GUP_REF | MAPPED | DIRTY), h.get(0),
                "get_user_pages(FOLL_WRITE) faults the page in mapped and dirty, with a FOLL_GET reference: " + h);
        assertEquals(new Hit(RETURNED + Call.FSYNC.ordinal(), GUP_REF | MAPPED), h.get(1), "fsync cleans it: " + h);
        assertEquals(new Hit(RETURNED + Call.RECLAIM.ordinal(), GUP_REF | NO_BUFFERS), h.get(2),
                "reclaim cannot free a referenced page, but unmaps it and drops its buffers: " + h);
        assertTrue(h.stream().anyMatch(x -> x.id() == LOGGED + Call.EXIT.ordinal() && (x.state() & 128) == 0),
                "the final exit's set_page_dirty on the bufferless page WARNs, and that is a feature of exit: " + h);
    }

    @Test
    void fsyncWaitingForAPinIsAFeatureOfItsOwn() throws Exception {
        List<Hit> h = features("""
                policy wait-on-pin
                file f pages=1
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: fsync(f)
                """);
        assertEquals(new Hit(RETURNED + Call.PIN_USER_PAGES.ordinal(), PINNED | MAPPED | DIRTY), h.get(0), h.toString());
        assertEquals(new Hit(BLOCKED + Call.FSYNC.ordinal(), ON_PINS | PINNED | MAPPED | LOCKED | DIRTY), h.get(1),
                "fsync waits, page locked, for the pin to go: " + h);
    }

    @Test
    void aFeatureReachedAgainInTheSameExecutionIsToldOnce() throws Exception {
        List<Hit> h = features("""
                policy bounce-pinned
                file f pages=1
                A: write(f, 0, 10)
                A: write(f, 10, 10)
                A: fsync(f)
                A: write(f, 20, 10)
                """);
        Hit dirtyWrite = new Hit(RETURNED + Call.WRITE.ordinal(), DIRTY);
        assertEquals(List.of(dirtyWrite, new Hit(RETURNED + Call.FSYNC.ordinal(), 0)), h.subList(0, 2),
                "the second write reaches the first one's (write, dirty) again, and the third after fsync too: " + h);
        assertEquals(1, h.stream().filter(dirtyWrite::equals).count(), h.toString());
    }

    @Test
    void sameProgramSameFeaturesAndEveryFeatureFitsJazzersCounters() {
        SplittableRandom r = new SplittableRandom(5);
        Set<Hit> seen = new HashSet<>();
        for (String policy : Policies.names()) {
            for (int i = 0; i < 400; i++) {
                byte[] in = new byte[8 + r.nextInt(100)];
                for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
                Program p = ProgramDecoder.decode(policy, in);
                List<Hit> h = features(p);
                assertEquals(h, features(p), "features of the same program differ between runs");
                assertEquals(new HashSet<>(h).size(), h.size(), "a feature was told twice in one execution: " + h);
                for (Hit x : h) {
                    assertTrue(x.id() >= 0 && x.id() < StateFeatures.SLOTS, "feature id out of range: " + x);
                    assertTrue(x.state() >= 0 && x.state() < 256, "feature state out of range: " + x);
                }
                seen.addAll(h);
            }
        }
        assertTrue(seen.size() >= 100, "random programs should reach many (call, states) pairs, saw " + seen.size());
    }
}
