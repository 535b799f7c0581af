package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.importer.JazzerSeeds;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pinfuzz import on the command line: outputs, exit codes, and clear errors without stack traces. */
class ImportCommandTest {
    private static final String URING = "corpus/strace/c_uring_fixedbufs.strace";

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static void noStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "a stack trace on stderr:\n" + r.err());
    }

    @Test
    void importWritesTheTraceToStdoutByDefault() throws Exception {
        Run r = run("import", URING);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\npolicy refuse-longterm\n"), r.out());
        TraceParser.parse("stdout", r.out());
    }

    @Test
    void dashOWritesTheFileAndCheckPrintsConformance() throws Exception {
        Path out = tmp.resolve("u.trace");
        Run r = run("import", URING, "-o", out.toString(), "--check");
        assertEquals(0, r.code(), r.err());
        TraceParser.parse("u", Files.readString(out));
        assertTrue(r.out().startsWith(URING + ": conformance: 9/9 recorded answers predicted under refuse-longterm; the program replays ok"), r.out());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void corpusWritesOneTracePerLog() throws Exception {
        Run r = run("import", "--corpus", tmp.toString(), "--max-steps", "100", URING, "corpus/strace/dd_odirect_conv_fsync.strace");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("c_uring_fixedbufs.trace")));
        assertTrue(Files.isRegularFile(tmp.resolve("dd_odirect_conv_fsync.trace")));
    }

    @Test
    void corpusAlsoWritesJazzerInputsUnderDirJazzerNamedByTheirSha1() throws Exception {
        Run r = run("import", "--corpus", tmp.toString(), "corpus/strace/c_mmap_odirect_rw.strace");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("c_mmap_odirect_rw.trace")));
        for (String policy : List.of("gup-2018", "wait-on-pin", "skip-pinned", "bounce-pinned", "refuse-longterm", "fail-fsync")) {
            List<Path> inputs = files(tmp.resolve("jazzer").resolve(policy));
            assertFalse(inputs.isEmpty(), "no Jazzer input for " + policy);
            for (Path in : inputs) {
                byte[] b = Files.readAllBytes(in);
                assertEquals(JazzerSeeds.sha1(b), in.getFileName().toString(), "named by the SHA-1 of its bytes");
                Program p = ProgramDecoder.decode(policy, b);
                assertTrue(p.steps().stream().anyMatch(s -> s.op() instanceof Op.Gup), in + " decodes to a program without GUP:\n" + p);
            }
        }
        assertTrue(r.out().startsWith("c_mmap_odirect_rw: "), r.out());
        assertTrue(r.out().contains(" Jazzer inputs (gup-2018 2, wait-on-pin 2, skip-pinned 2, bounce-pinned 2, refuse-longterm 2, fail-fsync 2"), r.out());
    }

    @Test
    void jazzerDirSendsTheInputsThereAndNeedsCorpus() throws Exception {
        Path corpus = Files.createDirectory(tmp.resolve("imported"));
        Path jazzer = tmp.resolve("jazzer-elsewhere");
        Run r = run("import", "--corpus", corpus.toString(), "--jazzer-dir", jazzer.toString(), URING);
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(corpus.resolve("c_uring_fixedbufs.trace")), files(corpus));
        assertFalse(files(jazzer.resolve("refuse-longterm")).isEmpty());
        Run alone = run("import", URING, "--jazzer-dir", jazzer.toString());
        assertEquals(2, alone.code());
        assertEquals("pinfuzz import: --jazzer-dir needs --corpus DIR\n", alone.err().replace("\r", ""));
    }

    /** Every entry of a directory, temporary files included (none may be left). */
    private static List<Path> files(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aMissingFileIsExit2WithAClearMessage() {
        Run r = run("import", "no/such.strace", "-o", tmp.resolve("x.trace").toString());
        assertEquals(2, r.code());
        assertEquals("no/such.strace: no such file\n", r.err().replace("\r", ""));
        assertFalse(Files.exists(tmp.resolve("x.trace")), "nothing written");
    }

    @Test
    void strictMakesAMalformedLineFatalAndWritesNothing() throws Exception {
        Path log = tmp.resolve("cut.strace");
        Files.writeString(log, "7 10:00:00.1 fsync(3</d/f>) = 0\n7 10:00:00.2 pwrite64(3</d/f>, \"ab\n");
        Path out = tmp.resolve("cut.trace");
        Run r = run("import", log.toString(), "-o", out.toString(), "--strict");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(log + ":2:32: string is never closed (a cut line?)\n"), r.err());
        assertFalse(Files.exists(out), "nothing written under --strict");
        noStackTrace(r);
        Run lenient = run("import", log.toString(), "-o", out.toString());
        assertEquals(0, lenient.code(), lenient.err());
        assertTrue(lenient.err().startsWith(log + ":2:32: string is never closed"), "without --strict it is a warning");
        assertTrue(Files.exists(out));
    }

    @Test
    void binaryInputIsExit2WithoutAStackTrace() throws Exception {
        Path log = tmp.resolve("bin.strace");
        Files.write(log, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, '\n', (byte) 0xff});
        Run r = run("import", log.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(log + ": not an strace log: no line of it could be read; first: " + log + ":1:1: invalid UTF-8 byte 0x89"), r.err());
        assertEquals("", r.out());
        noStackTrace(r);
    }

    @Test
    void badOptionsAreExit2WithAMessage() {
        Run zero = run("import", URING, "--max-steps", "0");
        assertEquals(2, zero.code());
        assertEquals("pinfuzz import: --max-steps must be at least 1, found 0\n", zero.err());
        Run both = run("import", URING, "-o", "x", "--corpus", tmp.toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give either -o OUT or --corpus DIR, not both"), both.err());
        Run many = run("import", URING, URING);
        assertEquals(2, many.code());
        assertTrue(many.err().contains("one FILE at a time, or --corpus DIR FILE... for many"), many.err());
        Run nan = run("import", URING, "--max-steps", "lots");
        assertEquals(2, nan.code());
        noStackTrace(nan);
        Run dir = run("import", "--corpus", tmp.resolve("nope").toString(), URING);
        assertEquals(2, dir.code());
        assertTrue(dir.err().contains(tmp.resolve("nope") + ": no such directory"), dir.err());
        Run file = run("import", "--corpus", URING, URING);
        assertEquals(2, file.code());
        assertTrue(file.err().contains(URING + ": not a directory"), file.err());
    }

    @Test
    void anUnwritableOutputIsExit2() throws java.io.IOException {
        java.nio.file.Path notADir = java.nio.file.Files.writeString(tmp.resolve("plain-file"), "x");
        Run r = run("import", URING, "-o", notADir.resolve("x.trace").toString());
        assertEquals(2, r.code());
        assertEquals("pinfuzz import: cannot write " + notADir.resolve("x.trace") + ": not a directory: " + notADir + "\n", r.err(),
                "the message says why, and names no temporary file");
        noStackTrace(r);
    }

    @Test
    void dashORefusesASymbolicLinkAFifoOrADirectoryInsteadOfReplacingIt() throws Exception {
        Path real = Files.writeString(tmp.resolve("real.txt"), "target\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.trace"), real.getFileName());
        Run r = run("import", URING, "-o", link.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("pinfuzz import: cannot write " + link + ": not a regular file (a symbolic link)\n", r.err());
        assertTrue(Files.isSymbolicLink(link), "the link is still a link");
        assertEquals("target\n", Files.readString(real), "and its target is untouched");
        Path dir = Files.createDirectory(tmp.resolve("d.trace"));
        Run d = run("import", URING, "-o", dir.toString());
        assertEquals(2, d.code(), d.err());
        assertEquals("pinfuzz import: cannot write " + dir + ": not a regular file (a directory)\n", d.err());
        Path fifo = tmp.resolve("fifo.trace");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        Run f = run("import", URING, "-o", fifo.toString());
        assertEquals(2, f.code(), f.err());
        assertEquals("pinfuzz import: cannot write " + fifo + ": not a regular file\n", f.err());
        assertTrue(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(fifo), "the FIFO is still a FIFO");
    }

    @Test
    void dashOIntoAMissingDirectoryIsExit2AndMakesNoDirectory() {
        Path out = tmp.resolve("no/such/dir/x.trace");
        Run r = run("import", URING, "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("pinfuzz import: cannot write " + out + ": no such directory: " + tmp.resolve("no/such/dir") + "\n", r.err());
        assertFalse(Files.exists(tmp.resolve("no")), "no directory was made");
    }

    @Test
    void aCorpusRunThatCannotWriteEverythingWritesNothing() throws Exception {
        Path jazzer = Files.writeString(tmp.resolve("jazzer"), "a file where the Jazzer inputs go");
        Run r = run("import", "--corpus", tmp.toString(), "--max-steps", "100", "corpus/strace/c_vmsplice_filemap.strace", URING);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("pinfuzz import: cannot write " + jazzer + "/"), r.err());
        assertTrue(r.err().endsWith(": not a directory: " + jazzer + "\n"), r.err());
        assertEquals(List.of(jazzer), files(tmp), "no trace was written before the failure");
        assertEquals("", r.out(), "and no summary line claims one");
        noStackTrace(r);
    }

    @Test
    void twoLogsWithTheSameNameInOneCorpusRunAreExit2NamingBoth() throws Exception {
        Path a = Files.createDirectory(tmp.resolve("a"));
        Path b = Files.createDirectory(tmp.resolve("b"));
        Path out = Files.createDirectory(tmp.resolve("out"));
        Files.copy(Path.of(URING), a.resolve("x.strace"));
        Files.copy(Path.of("corpus/strace/c_vmsplice_filemap.strace"), b.resolve("x.strace"));
        Run r = run("import", "--corpus", out.toString(), a.resolve("x.strace").toString(), b.resolve("x.strace").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("pinfuzz import: " + a.resolve("x.strace") + " and " + b.resolve("x.strace") + " would both be written to "
                + out.resolve("x.trace") + "\n", r.err());
        assertEquals(List.of(), files(out), "nothing written");
    }

    @Test
    void aFailingStdoutIsExit2WithAMessage() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    throw new java.io.IOException("No space left on device");
                }
            }, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            assertEquals(2, Main.execute(new String[] {"import", URING}), "a trace that could not be written is no success");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertEquals("pinfuzz import: cannot write to stdout\n", e.toString(StandardCharsets.UTF_8));
    }
}
