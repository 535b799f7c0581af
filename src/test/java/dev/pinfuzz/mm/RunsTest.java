package dev.pinfuzz.mm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Run-length page stamps behave exactly like a plain array of 4096 (value, aux) pairs. */
class RunsTest {
    private static final int[] EDGES = {0, 1, 511, 512, 1024, 2048, 4095, 4096};

    private static int pos(SplittableRandom r) {
        return r.nextInt(3) == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextInt(4097);
    }

    @Test
    void randomFillsRaisesAndCopiesMatchAByteArray() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int round = 0; round < 300; round++) {
            Runs runs = new Runs(0, 0), other = new Runs(7, 3);
            int[] v = new int[4096], x = new int[4096], ov = new int[4096], ox = new int[4096];
            java.util.Arrays.fill(ov, 7);
            java.util.Arrays.fill(ox, 3);
            for (int op = 0; op < 40; op++) {
                int a = pos(rnd), b = pos(rnd);
                if (a > b) { int t = a; a = b; b = t; }
                int val = rnd.nextInt(5), aux = rnd.nextInt(6);
                switch (rnd.nextInt(4)) {
                    case 0 -> { runs.fill(a, b, val, aux); for (int i = a; i < b; i++) { v[i] = val; x[i] = aux; } }
                    case 1 -> { runs.raise(a, b, val, aux); for (int i = a; i < b; i++) if (x[i] < aux) { v[i] = val; x[i] = aux; } }
                    case 2 -> { other.fill(a, b, val, aux); for (int i = a; i < b; i++) { ov[i] = val; ox[i] = aux; } }
                    default -> { runs.copyPrefix(other, b); for (int i = 0; i < Math.min(b, 4096); i++) { v[i] = ov[i]; x[i] = ox[i]; } }
                }
                for (int k = 0; k < runs.runs(); k++) {
                    assertTrue(runs.start(k) < runs.end(k), "runs are never empty: " + runs);
                    if (k > 0) assertTrue(runs.value(k) != runs.value(k - 1) || runs.aux(k) != runs.aux(k - 1), "adjacent equal runs are merged: " + runs);
                    for (int i = runs.start(k); i < runs.end(k); i++) {
                        assertEquals(v[i], runs.value(k), "value of byte " + i + " after op " + op + " in round " + round);
                        assertEquals(x[i], runs.aux(k), "aux of byte " + i);
                    }
                }
                assertEquals(4096, runs.end(runs.runs() - 1));
            }
        }
    }

    @Test
    void aCopyIsEqualAndIndependent() {
        Runs a = new Runs(0, 0);
        a.fill(10, 20, 5, 0);
        Runs b = a.copy();
        assertEquals(a, b);
        b.fill(0, 4096, 1, 0);
        assertEquals(5, a.get(15), "changing the copy must not change the original");
        assertEquals(1, b.runs());
    }
}
