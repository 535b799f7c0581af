package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.TraceParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad logs never crash the importer: each bad line is a FILE:LINE:COL problem, the rest imports. */
class MalformedLogTest {
    private static final String OPEN = "7 10:00:00.000001 openat(AT_FDCWD</d>, \"f\", O_RDWR|O_CREAT|O_TRUNC, 0644) = 3</d/f> <0.000010>";
    private static final String WRITE = "7 10:00:00.000002 pwrite64(3</d/f>, \"abc\", 3, 0) = 3 <0.000010>";
    private static final String FSYNC = "7 10:00:00.000003 fsync(3</d/f>) = 0 <0.000010>";

    private static Importer.Result run(String log) throws ImportException {
        Importer.Result r = Importer.run("bad.strace", log.getBytes(StandardCharsets.UTF_8), 2000);
        parses(r);
        return r;
    }

    private static void parses(Importer.Result r) {
        try {
            TraceParser.parse("out", r.trace());
        } catch (BadInputException e) {
            fail("the importer wrote an invalid trace: " + e.getMessage() + "\n" + r.trace());
        }
    }

    private static String problems(Importer.Result r) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : r.problems()) sb.append(p.format("bad.strace")).append('\n');
        return sb.toString();
    }

    @Test
    void aLineCutInsideAStringIsReportedAndTheRestImports() throws Exception {
        Importer.Result r = run(OPEN + "\n" + WRITE + "\n7 10:00:00.000002 pwrite64(3</d/f>, \"ab\n" + FSYNC + "\n");
        assertEquals("bad.strace:3:37: string is never closed (a cut line?)\n", problems(r));
        assertTrue(r.trace().contains("fsync(f)  # L4"), "the fsync after the cut line is still imported");
    }

    @Test
    void aLineCutInsideTheArgumentsOrBeforeTheResultIsReported() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.000002 fsync(3</d/f>\n7 10:00:00.000003 close(3</d/f>)\n" + WRITE + "\n");
        String p = problems(r);
        assertTrue(p.contains("bad.strace:2:32: fsync: the argument list is never closed (a cut line?)"), p);
        assertTrue(p.contains("bad.strace:3:33: close: expected ' = ' and a return value after ')'"), p);
        assertTrue(r.trace().contains("write(f, 0, 3)  # L4"), r.trace());
    }

    @Test
    void aBadArgumentInTheFirstHalfOfAResumedCallIsReportedWhereItWasPrinted() throws Exception {
        String head = "7 10:00:00.000002 pwrite64(3</d/f>, {x=[1,2}, \"ab\",  <unfinished ...>";
        Importer.Result r = run(OPEN + "\n" + head + "\n8 10:00:00.000003 getpid() = 8\n"
                + "7 10:00:00.000004 <... pwrite64 resumed>2, 0) = 2\n" + FSYNC + "\n");
        assertEquals("bad.strace:2:" + (head.indexOf('}') + 1) + ": pwrite64: unbalanced '}'\n", problems(r),
                "the '}' is on the unfinished line, not at the start of the resumed one");
    }

    @Test
    void aResumedCallWithoutItsStartIsReported() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.000002 <... fsync resumed>) = 0 <0.0001>\n" + WRITE + "\n");
        assertEquals("bad.strace:2:1: '<... fsync resumed>' but pid 7 has no unfinished call\n", problems(r));
    }

    @Test
    void anUnfinishedCallThatNeverResumesIsReported() throws Exception {
        Importer.Result r = run(OPEN + "\n" + WRITE + "\n7 10:00:00.000003 fsync(3</d/f> <unfinished ...>\n");
        assertEquals("bad.strace:3:1: pid 7: fsync is never resumed (the log ends)\n", problems(r));
        assertTrue(r.trace().contains("write(f, 0, 3)"), r.trace());
    }

    @Test
    void aResumeOfTheWrongCallAndANewCallOverAnUnfinishedOneAreReported() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.2 fsync(3</d/f> <unfinished ...>\n7 10:00:00.3 <... read resumed>) = 0\n"
                + "8 10:00:00.4 read(0,  <unfinished ...>\n8 10:00:00.5 fdatasync(3</d/f>) = 0\n");
        String p = problems(r);
        assertTrue(p.contains("bad.strace:3:1: '<... read resumed>' but the unfinished call of pid 7 is fsync (line 2)"), p);
        assertTrue(p.contains("bad.strace:4:1: pid 8: read is never resumed (line 5 starts fdatasync)"), p);
    }

    @Test
    void unfinishedAndResumedHalvesAreJoinedIntoOneCall() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.2 pwrite64(3</d/f>, \"xy\", 2,  <unfinished ...>\n8 10:00:00.25 getpid() = 8\n"
                + "7 10:00:00.3 <... pwrite64 resumed>4096) = 2 <0.1>\n");
        assertEquals("", problems(r));
        assertTrue(r.trace().contains("P7: write(f, 4096, 2)  # L2-4: pwrite64(3</d/f>, \"xy\", 2, 4096) = 2"), r.trace());
    }

    @Test
    void garbageLinesAreReportedOneByOne() throws Exception {
        Importer.Result r = run("hello world\n" + OPEN + "\n)))((( = 5\n" + WRITE + "\n");
        String p = problems(r);
        assertTrue(p.startsWith("bad.strace:1:1: expected a system call"), p);
        assertTrue(p.contains("bad.strace:3:1: expected a system call"), p);
        assertTrue(r.trace().contains("write(f, 0, 3)"), r.trace());
    }

    @Test
    void binaryDataIsReportedNotDecoded() throws Exception {
        byte[] log = (OPEN + "\n7 10:00:00.2 write(3</d/f>, \"a\u0000b\", 3) = 3\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[log.length + 4];
        System.arraycopy(log, 0, bad, 0, log.length);
        bad[log.length] = (byte) 0xff;
        bad[log.length + 1] = (byte) 0xfe;
        bad[log.length + 2] = '\n';
        bad[log.length + 3] = 0;
        Importer.Result r = Importer.run("bad.strace", bad, 2000);
        parses(r);
        String p = problems(r);
        assertEquals("bad.strace:2:31: binary data (character 0x00) in the log\n"
                + "bad.strace:3:1: invalid UTF-8 byte 0xff\n"
                + "bad.strace:4:1: binary data (character 0x00) in the log\n", p);
    }

    @Test
    void invalidUtf8IsReportedAsItsFirstBadByteAtItsColumn() throws Exception {
        byte[] head = (OPEN + "\n7 10:00:00.2 write(3</d/f>, \"caf").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\", 4) = 4\n".getBytes(StandardCharsets.UTF_8);
        byte[] log = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, log, 0, head.length);
        log[head.length] = (byte) 0xe9; // Latin-1 'é': no UTF-8
        System.arraycopy(tail, 0, log, head.length + 1, tail.length);
        Importer.Result r = Importer.run("bad.strace", log, 2000);
        assertEquals("bad.strace:2:33: invalid UTF-8 byte 0xe9\n", problems(r), "the byte, at the column where it is");
    }

    @Test
    void aByteOrderMarkAtTheStartIsNoPartOfTheFirstLine() throws Exception {
        Importer.Result r = run("\uFEFF" + OPEN + "\n" + WRITE + "\n");
        assertEquals("", problems(r), "the BOM is dropped, not a problem");
        assertTrue(r.trace().contains("truncate(f, 0)  # L1"), "the first line is imported:\n" + r.trace());
    }

    @Test
    void aFileWithNoStraceLineAtAllIsAnErrorNotAnEmptyProgram() {
        ImportException e = assertThrows(ImportException.class, () -> Importer.run("x.strace", new byte[] {0, 1, 2, (byte) 0x80, '\n', 'h', 'i'}, 10));
        assertTrue(e.getMessage().startsWith("x.strace: not an strace log: no line of it could be read; first: x.strace:1:1: binary data"), e.getMessage());
        ImportException empty = assertThrows(ImportException.class, () -> Importer.run("e.strace", new byte[0], 10));
        assertEquals("e.strace: not an strace log: it is empty", empty.getMessage());
    }

    @Test
    void aLogWithNothingForTheModelIsAValidEmptyProgram() throws Exception {
        Importer.Result r = run("1 10:00:00.1 getpid() = 1\n1 10:00:00.2 exit_group(0) = ?\n1 10:00:00.3 +++ exited with 0 +++\n");
        assertEquals(List.of(), Corpus.steps(r.trace()));
        assertTrue(r.trace().contains("file unused pages=1"), r.trace());
    }

    @Test
    void argumentsOfUnexpectedShapesAreSkippedNotFatal() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.2 pwrite64(3</d/f>, 0x10, -5, 99999999999999999999) = 3\n"
                + "7 10:00:00.3 pwrite64(3</d/f>, \"a\", 1, -7) = 1\n7 10:00:00.4 mmap(NULL, -1, PROT_READ, MAP_SHARED, 3</d/f>, 0) = 0x7f00\n"
                + "7 10:00:00.5 io_submit(0x1, 1, [{aio_lio_opcode=IOCB_CMD_PWRITE, aio_fildes=3</d/f>, aio_buf=0x5, aio_nbytes=18446744073709551615, aio_offset=-1}]) = 1\n"
                + "7 10:00:00.6 ftruncate(3</d/f>, 999999999999999999) = 0\n" + WRITE + "\n" + FSYNC + "\n");
        assertTrue(r.trace().contains("fsync(f)"), r.trace());
        assertTrue(problems(r).contains("bad.strace:3:40: pwrite64: offset -7 is out of range"), problems(r));
    }

    @Test
    void offsetsSizesAndReturnValuesNoKernelWouldPrintAreReportedAtTheNumberNotMovedToOffsetZero() throws Exception {
        Importer.Result r = run(OPEN + """

                7 10:00:00.1 pwrite64(3</d/f>, "ab", 2, -5) = 2
                7 10:00:00.2 pwrite64(3</d/f>, "ab", 2, 18446744073709551616) = 2
                7 10:00:00.3 pwrite64(3</d/f>, "ab", 2, -5) = -1 EINVAL (Invalid argument)
                7 10:00:00.4 ftruncate(3</d/f>, -1) = 0
                7 10:00:00.5 pwrite64(3</d/f>, "ab", 2, 0) = 0x
                7 10:00:00.6 pwritev2(3</d/f>, [{iov_base="ab", iov_len=2}], 1, -1, 0) = 2
                7 10:00:00.7 pwrite64(3</d/f>, "ab", 2, 9223372036854775806) = 2
                """);
        assertEquals("""
                bad.strace:2:41: pwrite64: offset -5 is out of range
                bad.strace:3:41: pwrite64: offset 18446744073709551616 is out of range
                bad.strace:5:33: ftruncate: size -1 is out of range
                bad.strace:6:46: pwrite64: malformed return value 0x
                bad.strace:8:23: pwrite64: offset 9223372036854775806 / length 2 is out of range: skipped
                """, problems(r), "a failed call's bad offset (line 4) is the kernel's EINVAL, not the log's fault");
        assertEquals(List.of("P7: truncate(f, 0)", "P7: write(f, 0, 2)"), Corpus.steps(r.trace()), "O_TRUNC, then only pwritev2 at the file position (-1) is a write");
    }

    @Test
    void aVectorCallWhoseIovecsStracePrintedAsAnAddressIsReportedNotDroppedInSilence() throws Exception {
        Importer.Result r = run(OPEN + """

                7 10:00:00.1 preadv(3</d/f>, 0x7ffd4d5e1a20, 1, 0) = 4096
                7 10:00:00.2 preadv(3</d/f>, 0x7ffd4d5e1a20, 1, -3) = -1 EINVAL (Invalid argument)
                """);
        assertEquals("bad.strace:2:30: preadv: its iovec/iocb array is printed as an address (strace -e verbose=none?): "
                + "the buffers are unknown, so no pin or store is made for them\n", problems(r), "a call that failed before any copy is no loss");
    }

    @Test
    void absurdlyDeepNestingIsAProblemNotAStackOverflow() throws Exception {
        Importer.Result r = run(OPEN + "\n7 10:00:00.2 writev(3</d/f>, " + "[".repeat(100_000) + "]".repeat(100_000) + ", 1) = 3\n" + WRITE + "\n");
        assertTrue(problems(r).startsWith("bad.strace:2:"), problems(r));
        assertTrue(problems(r).contains("writev: brackets nested more than 64 deep"), problems(r));
    }

    @Test
    void randomlyDamagedRealLogsNeverCrashTheImporter() throws Exception {
        List<String> lines = Files.readAllLines(Corpus.STRACE.resolve("c_uring_fixedbufs.strace"));
        Random rnd = new Random(42);
        for (int round = 0; round < 60; round++) {
            List<String> out = new ArrayList<>();
            for (String l : lines) {
                int dice = rnd.nextInt(20);
                if (dice == 0) continue; // a lost line
                if (dice == 1) l = l.substring(0, rnd.nextInt(l.length() + 1)); // a cut line
                if (dice == 2 && !l.isEmpty()) { // a flipped character
                    char[] c = l.toCharArray();
                    c[rnd.nextInt(c.length)] = "()[]{}\"<>=,\\ x0".charAt(rnd.nextInt(15));
                    l = new String(c);
                }
                out.add(l);
            }
            try {
                Importer.Result r = Importer.run("dmg.strace", String.join("\n", out).getBytes(StandardCharsets.UTF_8), 300);
                parses(r);
                if (round % 6 == 0) r.conformance();
            } catch (ImportException e) {
                // acceptable only when nothing was readable at all
                assertTrue(e.getMessage().contains("not an strace log"), e.getMessage());
            }
        }
    }
}
