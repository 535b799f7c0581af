package dev.pinfuzz.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The shrinker's contract: output still fails, is never longer, stays well-formed, and is reproducible. */
final class ShrinkerPropertiesTest {
    private record Failing(Program program, Predicate<Program> pred, String what) {}

    /** The first few violating programs of each canary policy, with "still has that verdict". */
    private static List<Failing> failing(int perPolicy) {
        List<Failing> out = new ArrayList<>();
        for (String policy : List.of("skip-pinned", "wait-on-pin", "gup-2018")) {
            Generator g = new Generator(policy, 23);
            int n = 0;
            for (int i = 0; n < perPolicy && i < 5000; i++) {
                Program p = g.program(i);
                var o = Judge.run(p, Policies.get(policy));
                if (o.ok()) continue;
                Verdict v = o.verdicts().iterator().next();
                out.add(new Failing(p, c -> Judge.run(c, Policies.get(policy)).has(v), v.spelling() + " under " + policy));
                n++;
            }
        }
        return out;
    }

    private static Program parse(String text) throws BadInputException {
        return TraceParser.parse("test", text);
    }

    @Test
    void shrunkCounterexamplesStillFailAreNeverLongerAndStayWellFormed() throws BadInputException {
        for (Failing f : failing(8)) {
            Program s = Shrinker.shrink(f.program(), f.pred());
            String text = TraceWriter.print(s);
            assertTrue(f.pred().test(s), () -> "the shrunk program no longer shows " + f.what() + ":\n" + text);
            assertTrue(s.size() <= f.program().size(), () -> "shrinking made it longer:\n" + text);
            assertEquals(s, parse(text), "the shrunk program must print and parse back to itself");
            assertNull(WellFormed.violation(s, s.policy()), text);
            assertTrue(ProgramEncoder.encodable(s), () -> "a shrunk generated program should still be a fuzzer input:\n" + text);
        }
    }

    @Test
    void shrinkingTheSameProgramTwiceGivesTheSameResult() {
        for (Failing f : failing(3)) assertEquals(Shrinker.shrink(f.program(), f.pred()), Shrinker.shrink(f.program(), f.pred()));
    }

    @Test
    void aProgramThatDoesNotFailComesBackUnchanged() {
        Program p = new Generator("bounce-pinned", 1).program(0);
        assertSame(p, Shrinker.shrink(p, c -> false));
    }

    @Test
    void withNothingToKeepEverythingGoesButOneFileOfOnePage() {
        Program p = new Generator("gup-2018", 2).program(3);
        Program s = Shrinker.shrink(p, c -> true);
        assertEquals(0, s.size());
        assertEquals(1, s.files().size());
        assertEquals(1, s.files().get(0).pages());
    }

    @Test
    void aLengthIsCutToTheSmallestThatStillFails() throws BadInputException {
        Program p = parse("policy refuse-longterm\nfile f pages=4\nfile g pages=2\nB: write(g, 4097, 4000)\nC: write(f, 5000, 9000)\nB: fsync(f)\n");
        Predicate<Program> longWrite = c -> c.steps().stream().anyMatch(s -> s.op() instanceof Op.Write w && w.len() >= 1000);
        Program s = Shrinker.shrink(p, longWrite);
        assertEquals("policy refuse-longterm\nfile f pages=1\nA: write(f, 0, 1000)\n", TraceWriter.print(s));
    }

    @Test
    void stepsOfDifferentTasksAreFoldedIntoOneTask() throws BadInputException {
        Program p = parse("policy skip-pinned\nfile f pages=1\nB: write(f, 0, 1)\nC: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nD: fsync(f)\n");
        Program s = Shrinker.shrink(p, c -> Judge.run(c, Policies.get("skip-pinned")).has(Verdict.DURABILITY));
        assertEquals(List.of("A"), s.tasks(), () -> "one task suffices for the skip-pinned lie:\n" + s);
        assertEquals(3, s.size());
    }

    @Test
    void aDeviceWrittenHandleIsNeverShrunkIntoACleanRelease() throws BadInputException {
        Program p = parse("policy bounce-pinned\nfile f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "dev: dma_write(p, 0, 1)\nA: unpin_user_pages_dirty_lock(p, true)\n");
        Program s = Shrinker.shrink(p, c -> c.steps().stream().anyMatch(x -> x.op() instanceof Op.DmaWrite)
                && c.steps().stream().anyMatch(x -> x.op() instanceof Op.Release));
        assertTrue(s.steps().stream().allMatch(x -> !(x.op() instanceof Op.Release r) || r.dirty()),
                () -> "a handle the device wrote must still be released dirty:\n" + s);
    }
}
