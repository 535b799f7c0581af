package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import org.junit.jupiter.api.Test;

/** A window of an imported program lands in the decoder's space: the rules of docs/import.md "Jazzer inputs", one by one. */
class ProjectionTest {
    private static Program parse(String text) {
        try {
            return TraceParser.parse("test", text);
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Projects steps {@code from..} of {@code trace} and checks the result is the expected program and encodes to itself. */
    private static void projects(String trace, int from, String policy, boolean pinApi, String expected) {
        Program p = parse(trace);
        Program q = Projection.of(p, from, p.size(), pinApi, policy);
        assertEquals(parse(expected), q);
        assertEquals(q, ProgramDecoder.decode(policy, ProgramEncoder.encode(q)), "does not round-trip through the decoder");
    }

    @Test
    void aFileOfMoreThanEightPagesIsFoldedModuloEightPagesWithItsRangesClampedInside() {
        projects("""
                policy refuse-longterm
                file big pages=64
                P1: write(big, 40960, 8192)
                P1: write(big, 61440, 8192)
                P1: h1 = pin_user_pages(big, 61, 3, FOLL_WRITE)
                P1: h2 = pin_user_pages(big, 7, 4, 0)
                P1: h3 = pin_user_pages(big, 0, 16, FOLL_WRITE)
                dev: dma_write(h3, 40960, 8192)
                P1: truncate(big, 100000)
                """, 0, "refuse-longterm", true, """
                policy refuse-longterm
                file f pages=8
                A: write(f, 8192, 8192)
                A: write(f, 28672, 4096)
                A: p = pin_user_pages(f, 5, 3, FOLL_WRITE)
                A: q = pin_user_pages(f, 4, 4, 0)
                A: r = pin_user_pages(f, 0, 8, FOLL_WRITE)
                dev: dma_write(r, 8192, 8192)
                A: truncate(f, 32768)
                """);
    }

    @Test
    void threeFilesAndFourTasksAreKeptThoseThatPinFirstAndTheOthersStepsDropped() {
        projects("""
                policy refuse-longterm
                file a pages=1
                file b pages=1
                file c pages=2
                file d pages=2 fs=tmpfs
                P1: write(a, 0, 10)
                P2: write(b, 0, 10)
                P3: h1 = pin_user_pages(d, 0, 1, FOLL_WRITE)
                P3: write(c, 0, 100)
                P3: unpin_user_pages_dirty_lock(h1, false)
                P4: write(a, 0, 10)
                P5: fsync(a)
                P6: write(a, 0, 10)
                P1: exit()
                """, 0, "skip-pinned", true, """
                policy skip-pinned
                file f pages=2 fs=tmpfs
                file g pages=2
                file h pages=1
                A: write(h, 0, 10)
                B: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                B: write(g, 0, 100)
                B: unpin_user_pages_dirty_lock(p, false)
                C: write(h, 0, 10)
                D: fsync(h)
                A: exit()
                """);
    }

    @Test
    void stepsOfAHandleDefinedBeforeTheWindowAreDroppedAndAReleaseByAnotherTaskIsGivenToTheHolder() {
        projects("""
                policy refuse-longterm
                file m pages=4
                P1: h1 = pin_user_pages(m, 0, 1, FOLL_WRITE)
                P2: h2 = pin_user_pages(m, 1, 1, FOLL_WRITE)
                dev: dma_write(h1, 0, 10)
                dev: dma_write(h2, 0, 10)
                P1: unpin_user_pages_dirty_lock(h2, true)
                P1: unpin_user_pages_dirty_lock(h1, true)
                P2: h3 = pin_user_pages(m, 2, 1, FOLL_WRITE)
                P2: exit()
                """, 1, "wait-on-pin", true, """
                policy wait-on-pin
                file f pages=4
                A: p = pin_user_pages(f, 1, 1, FOLL_WRITE)
                dev: dma_write(p, 0, 10)
                A: unpin_user_pages_dirty_lock(p, true)
                A: q = pin_user_pages(f, 2, 1, FOLL_WRITE)
                A: exit()
                """);
    }

    private static final String MIXED = """
            policy refuse-longterm
            file m pages=2
            P1: h1 = pin_user_pages(m, 0, 1, FOLL_WRITE)
            dev: dma_write(h1, 0, 100)
            P1: unpin_user_pages_dirty_lock(h1, true)
            P1: h2 = pin_user_pages(m, 1, 1, 0)
            P1: unpin_user_pages(h2)
            P1: h3 = get_user_pages(m, 0, 2, 0)
            P1: put_page(h3)
            """;

    @Test
    void underGup2018PinsBecomeGetUserPagesAndADirtyUnpinBecomesSetPageDirtyLockThenPutPage() {
        projects(MIXED, 0, "gup-2018", false, """
                policy gup-2018
                file f pages=2
                A: p = get_user_pages(f, 0, 1, FOLL_WRITE)
                dev: dma_write(p, 0, 100)
                A: set_page_dirty_lock(p)
                A: put_page(p)
                A: q = get_user_pages(f, 1, 1, 0)
                A: put_page(q)
                A: r = get_user_pages(f, 0, 2, 0)
                A: put_page(r)
                """);
    }

    @Test
    void underThePinApiGetUserPagesHandlesAreLeftOutWithTheirSteps() {
        projects(MIXED, 0, "bounce-pinned", true, """
                policy bounce-pinned
                file f pages=2
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                dev: dma_write(p, 0, 100)
                A: unpin_user_pages_dirty_lock(p, true)
                A: q = pin_user_pages(f, 1, 1, 0)
                A: unpin_user_pages(q)
                """);
    }

    @Test
    void aWindowOfMoreThan64StepsIsCutAt64() {
        StringBuilder t = new StringBuilder("policy refuse-longterm\nfile m pages=1\n");
        for (int i = 0; i < 80; i++) t.append("P1: write(m, ").append(i).append(", 1)\n");
        Program p = parse(t.toString());
        Program q = Projection.of(p, 0, p.size(), true, "refuse-longterm");
        assertEquals(64, q.size());
        assertTrue(ProgramEncoder.encodable(q));
    }
}
