package dev.pinfuzz.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The decoder's contract: well-formed programs, as the parser would build them, from any bytes. */
final class DecoderPropertiesTest {
    private static final int PER_POLICY = 600;

    /** Programs from arbitrary fuzzer-like inputs: random lengths, random bytes. */
    private static Program fromRandomBytes(String policy, SplittableRandom r) {
        byte[] b = new byte[r.nextInt(300)];
        r.nextBytes(b);
        return ProgramDecoder.decode(policy, b);
    }

    private static void assertValid(Program p, String policy) {
        String text = TraceWriter.print(p);
        try {
            assertEquals(p, TraceParser.parse("decoded", text), () -> "print then parse changed the program:\n" + text);
        } catch (BadInputException e) {
            fail("the parser rejects a decoded program: " + e.getMessage() + "\n" + text);
        }
        assertNull(WellFormed.violation(p, policy), () -> "not well-formed under " + policy + ":\n" + text);
    }

    @Test
    void everyGeneratedProgramPrintsAndParsesBackToItselfAndIsWellFormed() {
        for (String policy : Policies.names()) {
            Generator g = new Generator(policy, 42);
            for (int i = 0; i < PER_POLICY; i++) assertValid(g.program(i), policy);
        }
    }

    @Test
    void arbitraryFuzzerBytesDecodeToValidPrograms() {
        SplittableRandom r = new SplittableRandom(3);
        for (String policy : Policies.names())
            for (int i = 0; i < PER_POLICY; i++) assertValid(fromRandomBytes(policy, r), policy);
    }

    @Test
    void encodingThenDecodingGivesBackTheSameProgram() {
        SplittableRandom r = new SplittableRandom(5);
        for (String policy : Policies.names()) {
            Generator g = new Generator(policy, 9);
            for (int i = 0; i < PER_POLICY; i++) {
                for (Program p : new Program[] {g.program(i), fromRandomBytes(policy, r)}) {
                    byte[] bytes = ProgramEncoder.encode(p);
                    assertEquals(p, ProgramDecoder.decode(policy, bytes), () -> "encode/decode round trip lost:\n" + p);
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameProgramAndAnotherSeedAnotherOne() {
        for (int i = 0; i < 200; i++) {
            Program a = new Generator("wait-on-pin", 17).program(i);
            assertEquals(TraceWriter.print(a), TraceWriter.print(new Generator("wait-on-pin", 17).program(i)));
        }
        assertNotEquals(TraceWriter.print(new Generator("skip-pinned", 1).program(0)),
                TraceWriter.print(new Generator("skip-pinned", 2).program(0)));
    }

    @Test
    void runningOutOfBytesEndsTheProgramWithoutChangingWhatCameBefore() {
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 300; i++) {
            byte[] full = new byte[200];
            r.nextBytes(full);
            Program whole = ProgramDecoder.decode("skip-pinned", full);
            for (int cut = 8; cut < full.length; cut += 13) {
                Program part = ProgramDecoder.decode("skip-pinned", java.util.Arrays.copyOf(full, cut));
                assertTrue(part.size() <= whole.size());
                assertEquals(whole.files(), part.files(), "the header is decoded before any step");
                assertEquals(whole.steps().subList(0, part.size()), part.steps(), "a shorter input must give a prefix of the program");
            }
        }
    }

    @Test
    void anEmptyInputIsOneExt4FileOfOnePageAndNoSteps() {
        Program p = ProgramDecoder.decode("gup-2018", new byte[0]);
        assertEquals(0, p.size());
        assertEquals(1, p.files().size());
        assertEquals(1, p.files().get(0).pages());
        assertEquals(Fs.EXT4, p.files().get(0).fs());
        assertArrayEquals(ProgramEncoder.encode(p), ProgramEncoder.encode(ProgramDecoder.decode("gup-2018", ProgramEncoder.encode(p))));
    }

    @Test
    void eachPolicyGetsTheGupApiOfItsEraAndTheDeviceOnlyDoesDmaThroughWritableHandles() {
        for (String policy : Policies.names()) {
            boolean pinApi = Policies.get(policy).tracksPins();
            Set<Call> seen = EnumSet.noneOf(Call.class);
            Generator g = new Generator(policy, 1);
            for (int i = 0; i < PER_POLICY; i++) {
                Program p = g.program(i);
                for (Step s : p.steps()) {
                    seen.add(s.call());
                    boolean dev = s.task() >= 0 && p.tasks().get(s.task()).equals("dev");
                    assertEquals(s.op() instanceof Op.DmaWrite, dev, () -> "only the device runs dma_write, and only that:\n" + p);
                    if (s.op() instanceof Op.DmaWrite d)
                        assertTrue(Flags.write(p.gupOf(d.handle()).flags()), () -> "DMA through a handle without FOLL_WRITE:\n" + p);
                }
            }
            Set<Call> api = pinApi ? EnumSet.of(Call.PIN_USER_PAGES, Call.UNPIN_USER_PAGES, Call.UNPIN_USER_PAGES_DIRTY_LOCK)
                    : EnumSet.of(Call.GET_USER_PAGES, Call.PUT_PAGE, Call.SET_PAGE_DIRTY_LOCK);
            assertTrue(seen.containsAll(api), () -> policy + " programs should use " + api + ", saw " + seen);
            assertTrue(seen.containsAll(EnumSet.of(Call.WRITE, Call.STORE, Call.DMA_WRITE, Call.FSYNC, Call.SYNC, Call.WRITEBACK,
                    Call.SYNC_FILE_RANGE, Call.RECLAIM, Call.TRUNCATE, Call.EXIT, Call.CRASH)), () -> policy + ": " + seen);
        }
    }

    @Test
    void programsSpanOneToFourTasksOneToThreeFilesAndSometimesTmpfs() {
        Generator g = new Generator("bounce-pinned", 4);
        int maxTasks = 0, maxFiles = 0, maxPages = 0, tmpfs = 0, crashThenMore = 0;
        for (int i = 0; i < PER_POLICY; i++) {
            Program p = g.program(i);
            maxTasks = Math.max(maxTasks, (int) p.tasks().stream().filter(t -> !t.equals("dev")).count());
            maxFiles = Math.max(maxFiles, p.files().size());
            for (var f : p.files()) {
                maxPages = Math.max(maxPages, f.pages());
                if (f.fs() == Fs.TMPFS) tmpfs++;
            }
            for (int s = 0; s + 1 < p.size(); s++) if (p.step(s).call() == Call.CRASH) crashThenMore++;
        }
        assertEquals(4, maxTasks);
        assertEquals(3, maxFiles);
        assertEquals(8, maxPages);
        assertTrue(tmpfs > 0 && crashThenMore > 0, "some files are tmpfs and some programs go on after a crash()");
    }

    @Test
    void offsetsAndLengthsFavourPageAndSectorBoundaries() {
        Generator g = new Generator("skip-pinned", 6);
        int n = 0, boundary = 0;
        for (int i = 0; i < PER_POLICY; i++) {
            for (Step s : g.program(i).steps()) {
                if (!(s.op() instanceof Op.Write w)) continue;
                n++;
                int sub = w.off() % 4096;
                if (sub % 512 == 0 || sub == 1 || sub == 4095) boundary++;
            }
        }
        assertTrue(boundary * 10 > n * 7, "write offsets at 0, 1, 511, 512, 1024, 4095 ... of a page: " + boundary + " of " + n);
    }

    @Test
    void theEncoderRefusesProgramsTheDecoderCannotProduce() throws BadInputException {
        Program putPageUnderPinPolicy = TraceParser.parse("t", "policy skip-pinned\nfile f pages=1\np = get_user_pages(f, 0, 1, FOLL_WRITE)\nput_page(p)\n");
        assertThrows(IllegalArgumentException.class, () -> ProgramEncoder.encode(putPageUnderPinPolicy));
        Program oddName = TraceParser.parse("t", "policy skip-pinned\nfile data pages=1\nwrite(data, 0, 1)\n");
        assertFalse(ProgramEncoder.encodable(oddName));
        Program fine = TraceParser.parse("t", "policy skip-pinned\nfile f pages=1\nA: write(f, 0, 1)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: fsync(f)\n");
        assertEquals(fine, ProgramDecoder.decode("skip-pinned", ProgramEncoder.encode(fine)));
    }
}
