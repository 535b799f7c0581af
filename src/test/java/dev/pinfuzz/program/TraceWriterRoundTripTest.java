package dev.pinfuzz.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The canonical printer: {@code parse(print(p)).equals(p)}, and printing is idempotent. */
class TraceWriterRoundTripTest {
    static Program parse(String text) {
        try {
            return TraceParser.parse("rt.trace", text.getBytes(StandardCharsets.UTF_8));
        } catch (BadInputException e) {
            throw new AssertionError("expected the trace to parse, but: " + e.getMessage() + "\n" + text, e);
        }
    }

    /** Hand-written programs that together use every call of trace format v1. */
    static final List<String> PROGRAMS = List.of(
            // the DESIGN §4 example
            """
            policy skip-pinned
            file f pages=2
            A: write(f, 0, 100)
            A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
            B: fsync(f)
            crash()
            expect durability
            """,
            // FOLL_PIN life cycle with every release spelling
            """
            policy bounce-pinned
            file f pages=4
            file t pages=1 fs=tmpfs
            A: store(f, 10, 20)
            A: p = pin_user_pages(f, 0, 2, FOLL_WRITE)
            dev: dma_write(p, 4090, 12)
            A: unpin_user_pages_dirty_lock(p, true)
            A: q = pin_user_pages(f, 2, 2, FOLL_LONGTERM|FOLL_WRITE)
            A: unpin_user_pages_dirty_lock(q, false)
            B: r = pin_user_pages(t, 0, 1, 0)
            B: unpin_user_pages(r)
            B: s = pin_user_pages(f, 3, 1, FOLL_WRITE)
            B: put_user_page(s)
            C: u = pin_user_pages(f, 1, 1, FOLL_WRITE)
            dev: dma_write(u, 0, 4096)
            C: put_user_pages_dirty_lock(u)
            C: fdatasync(f)
            C: msync(t)
            C: sync()
            expect ok
            """,
            // the 2018 API, background writeback, reclaim, truncate, exit, crash
            """
            policy gup-2018
            file data pages=3
            A: g = get_user_pages(data, 1, 2, FOLL_WRITE)
            dev: dma_write(g, 100, 5000)
            B: writeback(data)
            B: sync_file_range(data)
            B: reclaim()
            A: set_page_dirty_lock(g)
            A: put_page(g)
            A: truncate(data, 5000)
            A: exit()
            crash()
            A: write(data, 0, 1)
            expect kernel-bug,durability
            """,
            // no policy, no expect, task prefixes omitted, a handle left to exit()
            """
            file f pages=64
            write(f, 262143, 1)
            h = get_user_pages(f, 63, 1, 0)
            dev: k = get_user_pages(f, 0, 64, FOLL_LONGTERM)
            dev: put_page(k)
            exit()
            """);

    static final List<String> NAMES = List.of("the DESIGN example", "the FOLL_PIN life cycle with every release spelling",
            "the 2018 API with writeback, reclaim, truncate, exit and crash", "defaults and omitted task prefixes");

    static Stream<Arguments> programs() {
        return IntStream.range(0, PROGRAMS.size()).mapToObj(i -> Arguments.of(Named.of(NAMES.get(i), PROGRAMS.get(i))));
    }

    @Test
    void theHandWrittenProgramsCoverEveryCall() {
        Set<Call> used = EnumSet.noneOf(Call.class);
        for (String t : PROGRAMS) for (Step s : parse(t).steps()) used.add(s.call());
        Set<Call> missing = EnumSet.complementOf(EnumSet.copyOf(used));
        assertTrue(missing.isEmpty(), "expected the round-trip programs to use every call, missing: " + missing);
    }

    @ParameterizedTest(name = "parse(print(p)) equals p for {0}")
    @MethodSource("programs")
    void parsingThePrintedProgramGivesItBack(String text) {
        Program p = parse(text);
        String printed = TraceWriter.print(p);
        assertEquals(p, parse(printed), "expected parse(print(p)) to equal p; printed:\n" + printed);
    }

    @ParameterizedTest(name = "printing is idempotent for {0}")
    @MethodSource("programs")
    void printingIsIdempotent(String text) {
        String once = TraceWriter.print(parse(text));
        assertEquals(once, TraceWriter.print(parse(once)), "expected print(parse(print(x))) == print(x)");
    }

    @ParameterizedTest(name = "hand-written canonical text prints unchanged for {0}")
    @MethodSource("programs")
    void canonicalTextPrintsUnchanged(String text) {
        // The programs above are written canonically except where they deliberately are not.
        String canonical = text.replace("FOLL_LONGTERM|FOLL_WRITE", "FOLL_WRITE|FOLL_LONGTERM")
                .replace("kernel-bug,durability", "durability,kernel-bug")
                .replaceAll("(?m)^(write|h =|exit)", "A: $1");
        assertEquals(canonical, TraceWriter.print(parse(text)), "expected the canonical spelling");
    }

    @Test
    void commentsAndSpacingDoNotAffectEquality() {
        Program tidy = parse(PROGRAMS.get(0));
        Program messy = parse("""
                # a comment before everything
                policy   skip-pinned#policy
                file f pages=2

                A:write(f,0,100)     # write
                \tA :p= pin_user_pages( f , 0 , 1 , FOLL_LONGTERM | FOLL_WRITE )
                B: fsync(f)\r
                crash( )
                expect durability   # regression
                """);
        assertEquals(tidy, messy, "expected comments and spacing not to affect equality");
        assertEquals(TraceWriter.print(tidy), TraceWriter.print(messy), "expected the same canonical text");
    }

    @Test
    void theCanonicalFormOfTheExampleIsExact() {
        String printed = TraceWriter.print(parse("""
                # lie
                policy skip-pinned
                expect durability
                file f pages=2 fs=ext4
                write(f, 0, 100)
                A: p = pin_user_pages(f, 0, 1, FOLL_LONGTERM|FOLL_WRITE)
                B: fsync(f)
                crash()
                """));
        assertEquals("""
                policy skip-pinned
                file f pages=2
                A: write(f, 0, 100)
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                B: fsync(f)
                crash()
                expect durability
                """, printed, "expected policy, files, steps, then expect; fs=ext4 and the task A made canonical");
    }

    @Test
    void aProgramBuiltInCodeRoundTrips() {
        Program built = new Program("refuse-longterm",
                List.of(new FileDecl("f", 2, Fs.EXT4), new FileDecl("t", 1, Fs.TMPFS)),
                List.of("A", "dev"), List.of("p"),
                List.of(new Step(0, -1, new Op.Write(0, 5, 4096)),
                        new Step(0, 0, new Op.Gup(true, 1, 0, 1, Flags.FOLL_WRITE | Flags.FOLL_LONGTERM)),
                        new Step(1, -1, new Op.DmaWrite(0, 0, 4096)),
                        new Step(1, -1, new Op.Release(Call.UNPIN_USER_PAGES_DIRTY_LOCK, 0, true)),
                        new Step(0, -1, new Op.Sync(Call.SYNC, -1)),
                        new Step(-1, -1, new Op.Crash()),
                        new Step(1, -1, new Op.Truncate(0, 0))),
                EnumSet.of(Verdict.LIVENESS, Verdict.PIN_BALANCE), null);
        String printed = TraceWriter.print(built);
        assertEquals(built, parse(printed), "expected a program built in code to round-trip; printed:\n" + printed);
        assertEquals(printed, TraceWriter.print(parse(printed)), "expected printing to be idempotent");
    }

    @Test
    void anExpectSetContainingOkRoundTripsAsOk() {
        Program p = parse("file f pages=1\nexpect ok\n");
        Program withOk = p.withExpect(EnumSet.of(Verdict.OK));
        assertEquals("file f pages=1\nexpect ok\n", TraceWriter.print(withOk), "expected {ok} to print as ok");
        assertEquals(withOk, parse(TraceWriter.print(withOk)), "expected {ok} to mean the same as the empty set");
    }

    @Test
    void theDirtyFlagOfTheAliasesIsNormalisedSoEqualityFollowsMeaning() {
        assertEquals(new Op.Release(Call.PUT_USER_PAGES_DIRTY_LOCK, 0, false), new Op.Release(Call.PUT_USER_PAGES_DIRTY_LOCK, 0, true),
                "expected put_user_pages_dirty_lock to be dirty whatever the constructor was told");
        assertEquals(new Op.Release(Call.PUT_PAGE, 0, true), new Op.Release(Call.PUT_PAGE, 0, false),
                "expected put_page to be clean whatever the constructor was told");
    }
}
