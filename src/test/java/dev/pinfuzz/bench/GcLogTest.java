package dev.pinfuzz.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code -Xlog:gc,gc+heap+exit} output of G1 and Parallel JVMs. */
final class GcLogTest {
    private static final List<String> G1 = List.of(
            "[0.003s] Using G1",
            "[0.518s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 19M->5M(388M) 3.975ms",
            "[5.598s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 117M->6M(388M) 5.377ms",
            "[9.890s] GC(2) Pause Remark 45M->44M(1G) 3.201ms",
            "[10.000s] Heap",
            "[10.000s]  garbage-first heap   total 397312K, used 130143K [0x0000000687400000, 0x0000000800000000)",
            "[10.000s]  Metaspace       used 3619K, committed 3776K, reserved 1114112K");
    private static final List<String> PARALLEL = List.of(
            "[2.373s] GC(0) Pause Young (Allocation Failure) 95M->1M(362M) 17.069ms",
            "[2.973s] Heap",
            "[2.973s]  PSYoungGen      total 113152K, used 5478K [0x0000000782700000, 0x0000000790400000, 0x0000000800000000)",
            "[2.973s]   eden space 97280K, 3% used [0x0000000782700000,0x0000000782abffc0,0x0000000788600000)",
            "[2.973s]  ParOldGen       total 258048K, used 1024K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)");

    @Test
    void pausesGiveTheHeapInUseBeforeTheLiveSetAfterAndTheCommittedSize() {
        GcLog g = GcLog.parse(G1);
        assertEquals(4, g.points().size());
        assertEquals(127.1, g.peakUsedMb(), 0.1, "the exit summary's 130143K is the highest heap in use");
        assertEquals(44, g.peakLiveMb(), 1e-9);
        assertEquals(1024, g.peakCommittedMb(), 1e-9);
        assertEquals(10.0, g.seconds(), 1e-9);
    }

    @Test
    void theParallelExitSummaryAddsTheYoungAndOldGenerations() {
        GcLog g = GcLog.parse(PARALLEL);
        GcLog.Point exit = g.points().get(1);
        assertEquals(5478 + 1024, exit.usedKb());
        assertEquals(113152 + 258048, exit.committedKb());
        assertEquals(-1, exit.liveKb());
        assertEquals(95, g.peakUsedMb(), 1e-9);
    }

    @Test
    void theLiveSetBySliceShowsGrowthAndFlatnessComparesTheHalves() {
        GcLog g = GcLog.parse(G1);
        assertArrayEquals(new double[] {5, 6, 44}, g.liveBySlice(3), 1e-9);
        assertFalse(g.flat(), "44 MB after 6 MB is growth");
        GcLog steady = GcLog.parse(List.of("[1.0s] GC(0) Pause Young 100M->20M(256M) 1ms", "[9.0s] GC(1) Pause Young 100M->24M(256M) 1ms"));
        assertTrue(steady.flat());
        assertTrue(GcLog.parse(List.of()).flat(), "nothing to tell");
    }
}
