package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.Check;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The property sweep before a campaign's fuzzers: clean cells only, reproducible with pinfuzz check. */
final class PropertySweepTest {
    @Test
    void itHuntsOnlyTheCellsTheMatrixExpectsClean() {
        assertEquals(EnumSet.of(Verdict.LIVENESS, Verdict.PIN_BALANCE), PropertySweep.cleanCells("gup-2018"));
        assertEquals(EnumSet.of(Verdict.LIVENESS, Verdict.PIN_BALANCE, Verdict.KERNEL_BUG), PropertySweep.cleanCells("skip-pinned"));
        assertEquals(EnumSet.copyOf(CanaryMatrix.COLUMNS), PropertySweep.cleanCells("a-policy-of-my-own"), "a new policy must be clean everywhere");
    }

    @Test
    void aViolatingProgramIsWrittenAsAnInputAndIsTheOnePinfuzzCheckFindsFirst(@TempDir Path dir) throws Exception {
        // Hunting durability under skip-pinned stands in for a clean policy that lies.
        List<PropertySweep.Hit> hits = PropertySweep.run("skip-pinned", EnumSet.of(Verdict.DURABILITY), 7, 2000, dir);
        assertEquals(1, hits.size());
        PropertySweep.Hit h = hits.get(0);
        assertEquals(Verdict.DURABILITY, h.verdict());
        assertTrue(h.input().getFileName().toString().startsWith("sweep-durability-"), h.input().toString());
        var p = ProgramDecoder.decode("skip-pinned", Files.readAllBytes(h.input()));
        assertTrue(Judge.run(p, Policies.get("skip-pinned")).has(Verdict.DURABILITY), "the input replays to the verdict it was kept for");
        Check.Result c = Check.run("skip-pinned", 7, 2000, Verdict.DURABILITY, null);
        assertEquals(c.found().original(), p, "the report's `pinfuzz check --seed 7 --verdict durability` reproduces it");
    }

    @Test
    void aCleanCellStaysCleanAndNothingIsWritten(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), PropertySweep.run("bounce-pinned", PropertySweep.cleanCells("bounce-pinned"), 7, 1000, dir.resolve("s")));
        assertTrue(Files.notExists(dir.resolve("s")), "no directory for a sweep that found nothing");
        assertEquals(List.of(), PropertySweep.run("skip-pinned", EnumSet.of(Verdict.DURABILITY), 7, 0, dir), "0 tries: no sweep");
    }

    @Test
    void theSeedIsTheUtcDaySoEachNightSweepsNewPrograms() {
        assertEquals(20_418, PropertySweep.seedFor(Instant.parse("2025-11-26T23:59:59Z")));
        assertEquals(20_419, PropertySweep.seedFor(Instant.parse("2025-11-27T00:00:00Z")));
    }
}
