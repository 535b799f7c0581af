package dev.pinfuzz.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The standalone target reports each kind of finding once per JVM, as Jazzer's --keep_going would keep it. */
class PolicyTargetTest {
    @Test
    void eachKindOfFindingIsThrownOnceAndARepeatOfItRunsQuietly() {
        PolicyTarget t = new PolicyTarget("gup-2018");
        SplittableRandom r = new SplittableRandom(7);
        Set<String> kinds = new HashSet<>();
        byte[] first = null;
        for (int i = 0; i < 3000; i++) {
            byte[] in = new byte[16 + r.nextInt(80)];
            for (int b = 0; b < in.length; b++) in[b] = (byte) r.nextInt(256);
            try {
                t.reportAll(in);
            } catch (OracleFinding e) {
                String kind = e.getStackTrace()[0].getMethodName();
                assertTrue(kinds.add(kind), "kind " + kind + " was thrown a second time, by input " + i);
                if (first == null) first = in;
            }
        }
        assertTrue(kinds.size() >= 2, "gup-2018 should show several kinds of finding in 3000 random programs, saw " + kinds);
        byte[] again = first;
        assertDoesNotThrow(() -> t.reportAll(again), "a repeat of the first kind must not be thrown again");
        // A fresh target (another JVM, as each Jazzer worker is) reports it again.
        assertThrows(OracleFinding.class, () -> new PolicyTarget("gup-2018").reportAll(again));
    }
}
