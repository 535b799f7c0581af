package dev.pinfuzz.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What DESIGN §4 allows must parse, and parse to what it means. */
class TraceParserAcceptsTest {
    static final String SRC = "ok.trace";

    static Program parse(String text) {
        try {
            return TraceParser.parse(SRC, text.getBytes(StandardCharsets.UTF_8));
        } catch (BadInputException e) {
            throw new AssertionError("expected this trace to be accepted, but: " + e.getMessage() + "\n" + text, e);
        }
    }

    static final String PLAIN = """
            policy skip-pinned
            file f pages=2
            A: write(f, 0, 100)
            A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
            B: fsync(f)
            crash()
            expect durability
            """;

    @Test
    void commentsAndBlankLinesDoNotChangeTheProgram() {
        Program commented = parse("""
                # the skip-pinned lie
                   \t
                policy skip-pinned   # the policy
                # a comment line

                file f pages=2#no space before the comment
                A: write(f, 0, 100) # buffered write
                \t
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                B: fsync(f)   # lies
                crash()#power loss
                expect durability # what it finds
                # trailing comment
                """);
        assertEquals(parse(PLAIN), commented, "expected comments and blank lines to be ignored");
    }

    @Test
    void crlfLineEndingsAreAccepted() {
        Program crlf = parse(PLAIN.replace("\n", "\r\n"));
        assertEquals(parse(PLAIN), crlf, "expected CRLF line endings to parse like LF");
        assertEquals(5, crlf.line(2), "expected CRLF not to change line numbers (fsync is on line 5)");
    }

    @Test
    void crlfLineEndingsDoNotShiftErrorColumns() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> TraceParser.parse(SRC, "file f pages=2\r\nA: write(f, 0, 1\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SRC + ":2:17: expected ')' to close the argument list", e.getMessage(),
                "expected the missing ')' right after the last token, the CR ignored");
    }

    @Test
    void aMissingNewlineAtTheEndOfTheFileIsAccepted() {
        assertEquals(parse(PLAIN), parse(PLAIN.stripTrailing()), "expected the last line to count without a newline");
    }

    @Test
    void tabsAndExtraSpacesBetweenTokensAreAccepted() {
        Program spaced = parse("policy\tskip-pinned\nfile  f   pages = 2\n"
                + "A :write ( f ,0,100 )\n\tA:p=pin_user_pages(f,0,1,FOLL_WRITE | FOLL_LONGTERM)\nB:fsync(f)\n  crash ( )\nexpect   durability\n");
        assertEquals(parse(PLAIN), spaced, "expected spacing not to matter");
    }

    @Test
    void aStepWithoutTaskPrefixBelongsToTaskA() {
        Program p = parse("file f pages=1\nwrite(f, 0, 1)\nB: fsync(f)\nstore(f, 1, 1)\n");
        assertEquals(List.of("A", "B"), p.tasks(), "expected the omitted prefix to name task A");
        assertEquals(0, p.step(0).task(), "expected the first step to belong to task A");
        assertEquals(0, p.step(2).task(), "expected the third step to belong to task A");
        assertEquals(parse("file f pages=1\nA: write(f, 0, 1)\nB: fsync(f)\nA: store(f, 1, 1)\n"), p,
                "expected an omitted prefix to equal an explicit 'A:'");
    }

    @Test
    void aStepWithoutTaskPrefixCanDefineAHandle() {
        Program p = parse("file f pages=1\nh = get_user_pages(f, 0, 1, FOLL_WRITE)\nput_page(h)\n");
        assertEquals(List.of("h"), p.handles(), "expected handle h");
        assertEquals("A", p.tasks().get(p.step(0).task()), "expected the GUP to belong to task A");
    }

    @ParameterizedTest(name = "an expect line is accepted {0}")
    @ValueSource(strings = {"as the first line", "between the header lines", "between steps", "as the last line"})
    void anExpectLineIsAcceptedAnywhere(String where) {
        String text = switch (where) {
            case "as the first line" -> "expect durability\n" + PLAIN.replace("expect durability\n", "");
            case "between the header lines" -> PLAIN.replace("expect durability\n", "")
                    .replace("file f", "expect durability\nfile f");
            case "between steps" -> PLAIN.replace("expect durability\n", "").replace("B: fsync", "expect durability\nB: fsync");
            default -> PLAIN;
        };
        Program p = parse(text);
        assertEquals(Set.of(Verdict.DURABILITY), p.expect(), "expected the expect line to be read");
        assertEquals(parse(PLAIN), p, "expected the place of the expect line not to matter");
    }

    @Test
    void expectOkIsAnEmptySetAndNoExpectLineIsNull() {
        assertEquals(Set.of(), parse("file f pages=1\nexpect ok\n").expect(), "expected 'expect ok' to be the empty set");
        assertNull(parse("file f pages=1\n").expect(), "expected no expect line to be null");
        assertEquals(EnumSet.of(Verdict.DURABILITY, Verdict.KERNEL_BUG),
                parse("file f pages=1\nexpect kernel-bug, durability\n").expect(),
                "expected a verdict list in any order");
    }

    @Test
    void theDefaultsAreNoPolicyLineExt4AndAnEmptyProgram() {
        Program p = parse("file f pages=1\n");
        assertNull(p.policy(), "expected no policy when there is no policy line");
        assertEquals(new FileDecl("f", 1, Fs.EXT4), p.files().get(0), "expected ext4 by default");
        assertEquals(0, p.size(), "expected no steps");
    }

    @Test
    void fileAttributesMayComeInAnyOrderAndTheBoundsOfPagesAreAccepted() {
        Program p = parse("file a fs=tmpfs pages=1\nfile b pages=64 fs=ext4\n");
        assertEquals(List.of(new FileDecl("a", 1, Fs.TMPFS), new FileDecl("b", 64, Fs.EXT4)), p.files(),
                "expected pages=1 and pages=64 and both fs kinds");
    }

    @Test
    void everyPolicyNameIsAccepted() {
        for (String name : dev.pinfuzz.policy.Policies.names())
            assertEquals(name, parse("policy " + name + "\nfile f pages=1\n").policy(), "expected policy " + name + " to be accepted");
    }

    @Test
    void rangesReachingExactlyTheEndOfTheFileOrHandleAreAccepted() {
        Program p = parse("""
                file f pages=2
                A: write(f, 8092, 100)
                A: store(f, 8191, 1)
                A: write(f, 8192, 0)
                A: truncate(f, 8192)
                A: truncate(f, 0)
                A: p = pin_user_pages(f, 1, 1, FOLL_WRITE)
                A: q = pin_user_pages(f, 0, 2, FOLL_WRITE)
                dev: dma_write(p, 4000, 96)
                dev: dma_write(q, 0, 8192)
                """);
        assertEquals(new Op.Write(0, 8092, 100), p.step(0).op(), "expected the write to end at byte 8192");
        assertEquals(new Op.Gup(true, 0, 1, 1, Flags.FOLL_WRITE), p.step(5).op(), "expected the last page to be pinnable");
        assertEquals(new Op.DmaWrite(0, 4000, 96), p.step(7).op(), "expected the DMA to end at the handle's end");
        assertEquals(new Op.DmaWrite(1, 0, 8192), p.step(8).op(), "expected a DMA over a two-page handle");
    }

    @Test
    void leadingZerosAreStillDecimal() {
        Program p = parse("file f pages=02\nA: write(f, 000000000000000000001, 0010)\n");
        assertEquals(2, p.files().get(0).pages(), "expected pages=02 to be 2");
        assertEquals(new Op.Write(0, 1, 10), p.step(0).op(), "expected leading zeros not to count against the range");
    }

    @Test
    void flagsAreReadInAnyOrderAndZeroMeansNone() {
        Program p = parse("""
                file f pages=1
                A: a = pin_user_pages(f, 0, 1, FOLL_LONGTERM|FOLL_WRITE)
                A: b = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                A: c = get_user_pages(f, 0, 1, 0)
                A: d = get_user_pages(f, 0, 1, FOLL_LONGTERM)
                """);
        assertEquals(Flags.FOLL_WRITE | Flags.FOLL_LONGTERM, ((Op.Gup) p.step(0).op()).flags(), "expected both flags");
        assertEquals(p.step(0).op(), p.step(1).op(), "expected the order of the flags not to matter");
        assertEquals(new Op.Gup(false, 0, 0, 1, 0), p.step(2).op(), "expected flags 0 and FOLL_GET");
        assertEquals(new Op.Gup(false, 0, 0, 1, Flags.FOLL_LONGTERM), p.step(3).op(), "expected FOLL_LONGTERM only");
    }

    @Test
    void the2018ReleaseNamesAreAliasesOfTheUnpinCalls() {
        Program p = parse("""
                file f pages=1
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: q = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: put_user_page(p)
                A: put_user_pages_dirty_lock(q)
                """);
        Op.Release plain = (Op.Release) p.step(2).op();
        Op.Release dirty = (Op.Release) p.step(3).op();
        assertEquals(Call.PUT_USER_PAGE, plain.call(), "expected put_user_page to keep its spelling");
        assertFalse(plain.dirty(), "expected put_user_page to release clean, like unpin_user_pages");
        assertTrue(plain.call().isUnpin(), "expected put_user_page to be an unpin (FOLL_PIN release)");
        assertEquals(Call.PUT_USER_PAGES_DIRTY_LOCK, dirty.call(), "expected put_user_pages_dirty_lock to keep its spelling");
        assertTrue(dirty.dirty(), "expected put_user_pages_dirty_lock to release dirty, like unpin_user_pages_dirty_lock(H, true)");
        assertTrue(dirty.call().isUnpin(), "expected put_user_pages_dirty_lock to be an unpin");
    }

    @Test
    void unpinUserPagesDirtyLockReadsItsDirtyFlag() {
        Program p = parse("""
                file f pages=1
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: q = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: unpin_user_pages_dirty_lock(p, true)
                A: unpin_user_pages_dirty_lock(q, false)
                """);
        assertTrue(((Op.Release) p.step(2).op()).dirty(), "expected true to release dirty");
        assertFalse(((Op.Release) p.step(3).op()).dirty(), "expected false to release clean");
    }

    @Test
    void aHandleMayBeReleasedByAnotherTaskThanItsOwner() {
        Program p = parse("""
                file f pages=1
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                dev: dma_write(p, 0, 10)
                B: unpin_user_pages_dirty_lock(p, true)
                A: exit()
                """);
        assertEquals("B", p.tasks().get(p.step(2).task()), "expected task B to release A's handle");
        assertEquals(new Op.Release(Call.UNPIN_USER_PAGES_DIRTY_LOCK, 0, true), p.step(2).op(), "expected the release of p");
    }

    @Test
    void aTaskMayRunAgainAfterACrashEvenIfItExitedBefore() {
        Program p = parse("""
                file f pages=1
                A: exit()
                crash()
                A: write(f, 0, 1)
                A: exit()
                crash()
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE)
                A: unpin_user_pages(p)
                """);
        assertEquals(7, p.size(), "expected all seven steps");
        assertEquals(-1, p.step(1).task(), "expected crash() to belong to no task");
        assertEquals(p.step(0).task(), p.step(2).task(), "expected the same task A after the crash");
    }

    @Test
    void aHandleTakenAfterACrashIsUsable() {
        Program p = parse("file f pages=1\ncrash()\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\ndev: dma_write(p, 0, 1)\nA: unpin_user_pages(p)\n");
        assertEquals(4, p.size(), "expected the handle to live in the new epoch");
    }

    @Test
    void anotherTaskRunsOnAfterOneExits() {
        Program p = parse("file f pages=1\nA: exit()\nB: write(f, 0, 1)\nB: exit()\n");
        assertEquals(List.of("A", "B"), p.tasks(), "expected tasks A and B");
    }

    @Test
    void namesMayContainDigitsDashesDotsAndUnderscores() {
        Program p = parse("file data.db pages=1\ndev-0: h_1 = get_user_pages(data.db, 0, 1, FOLL_WRITE)\nT2: put_page(h_1)\n");
        assertEquals("data.db", p.files().get(0).name(), "expected a dotted file name");
        assertEquals(List.of("dev-0", "T2"), p.tasks(), "expected dashed and digit task names");
    }

    @Test
    void keywordsMayBeUsedAsTaskNames() {
        Program p = parse("file f pages=1\npolicy: write(f, 0, 1)\nfile: exit()\nexpect: fsync(f)\n");
        assertEquals(List.of("policy", "file", "expect"), p.tasks(), "expected keyword-named tasks to be steps");
    }

    @Test
    void sourceLineNumbersAreKeptForMessages() {
        Program p = parse("# c\nfile f pages=1\n\nA: write(f, 0, 1)\n# c\ncrash()\n");
        assertEquals(4, p.line(0), "expected the write on line 4");
        assertEquals(6, p.line(1), "expected crash() on line 6");
    }

    @Test
    void differentProgramsAreNotEqual() {
        Program p = parse(PLAIN);
        assertNotEquals(p, parse(PLAIN.replace("write(f, 0, 100)", "write(f, 0, 101)")), "expected a different length to differ");
        assertNotEquals(p, parse(PLAIN.replace("B: fsync", "C: fsync")), "expected a different task to differ");
        assertNotEquals(p, parse(PLAIN.replace("expect durability\n", "")), "expected a missing expect line to differ");
        assertNotEquals(p, parse(PLAIN.replace("policy skip-pinned\n", "")), "expected a missing policy line to differ");
        assertNotEquals(p, parse(PLAIN.replace("FOLL_WRITE|", "")), "expected different flags to differ");
    }
}
