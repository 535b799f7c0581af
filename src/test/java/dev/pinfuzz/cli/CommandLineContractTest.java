package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every command keeps: --help, one line per usage mistake, exit 2 without a stack trace, nothing half-written. */
final class CommandLineContractTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static final List<List<String>> COMMANDS = List.of(List.of("replay"), List.of("check"), List.of("promote"),
            List.of("import"), List.of("fuzz"), List.of("nightly"), List.of("corpus"), List.of("corpus", "encode"),
            List.of("corpus", "decode"), List.of("bench"));

    @Test
    void aCounterexampleThatCannotBeWrittenToStdoutIsAnErrorNotASilentExitOne() {
        Writer full = new Writer() { // > /dev/full
            @Override public void write(char[] b, int off, int len) throws IOException { throw new IOException("No space left on device"); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(full), new PrintWriter(err, true), "check", "--policy", "skip-pinned", "--seed", "1");
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().endsWith("pinfuzz: cannot write to stdout" + System.lineSeparator()), err.toString());
    }

    @Test
    void everyCommandPrintsItsUsageForHelpAndExitsZero() {
        for (List<String> c : COMMANDS) {
            String[] args = new java.util.ArrayList<>(c) {{ add("--help"); }}.toArray(new String[0]);
            CliRun r = run(args);
            assertEquals(0, r.code(), c + " --help: " + r.err());
            assertTrue(r.out().startsWith("Usage: pinfuzz " + String.join(" ", c)), c + " --help printed:\n" + r.out());
        }
        CliRun h = run("help", "check");
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().startsWith("Usage: pinfuzz check"), h.out());
    }

    @Test
    void aUsageMistakeIsOneLineNamingTheValueAndExitTwo() {
        for (String[] args : List.of(new String[] {"check", "--policy", "skip-pinned", "--tries", "1e3"},
                new String[] {"nightly", "--bogus"}, new String[] {"fuzz", "--policy", "gup-2018", "--jobs", "abc"},
                new String[] {"replay"}, new String[] {"corpus", "encode", "x.trace"}, new String[] {"replya", "x.trace"})) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), String.join(" ", args) + " printed:\n" + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
        assertTrue(run("replya", "x.trace").err().startsWith("pinfuzz: unknown command 'replya' (did you mean replay"), "a typo gets a suggestion");
        assertTrue(run("corpus", "encod").err().startsWith("pinfuzz corpus: unknown command 'encod' (did you mean encode"), "the same one level down");
        assertTrue(run("nightly", "--budget", "7d", "--bogus").err().contains("--bogus"), "7d is a budget; --bogus is what is wrong");
        assertTrue(run("check", "--policy", "skip-pinned", "--tries", "1e3").err()
                .startsWith("pinfuzz check: Invalid value for option '--tries': '1e3' is not an int (see pinfuzz check --help)"));
    }

    @Test
    void noCommandOrNoSubcommandPrintsUsageAndExitsTwo() {
        CliRun none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("Usage: pinfuzz"), none.err());
        CliRun corpus = run("corpus");
        assertEquals(2, corpus.code());
        assertTrue(corpus.err().startsWith("Usage: pinfuzz corpus"), corpus.err());
    }

    @Test
    void corpusEncodeWritesNothingWhenAnInputIsMissingOrMalformed(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.trace"), "policy skip-pinned\nfile f pages=1\nA: write(f, 0, 10)\n");
        Path bad = Files.writeString(dir.resolve("bad.trace"), "file f pages=1\nA: write(f, 0\n");
        Path out = dir.resolve("inputs");
        for (Path second : List.of(bad, dir.resolve("missing.trace"))) {
            CliRun r = run("corpus", "encode", good.toString(), second.toString(), "-o", out.toString());
            assertEquals(2, r.code(), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace:\n" + r.err());
            assertFalse(Files.exists(out), "on bad input nothing is written, not even the good trace's input");
        }
        assertTrue(run("corpus", "encode", good.toString(), dir.resolve("missing.trace").toString(), "-o", out.toString()).err()
                .contains("missing.trace: cannot read: no such file or directory"));
        CliRun intoFile = run("corpus", "encode", good.toString(), "-o", good.toString());
        assertEquals(2, intoFile.code());
        assertTrue(intoFile.err().contains("not a directory"), intoFile.err());
        CliRun ok = run("corpus", "encode", good.toString(), "-o", out.toString());
        assertEquals(0, ok.code(), ok.err());
        try (var s = Files.list(out)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void corpusDecodePrintsNothingWhenAnInputCannotBeRead(@TempDir Path dir) throws Exception {
        Path in = Files.write(dir.resolve("abc"), new byte[] {1, 2, 3});
        CliRun r = run("corpus", "decode", in.toString(), dir.resolve("gone").toString());
        assertEquals(2, r.code());
        assertEquals("", r.out(), "the first input is not printed when the second cannot be read");
        assertTrue(r.err().strip().endsWith("gone: cannot read: no such file or directory"), r.err());
    }

    @Test
    void promoteIntoAProjectRootThatDoesNotExistIsExitTwoAndCreatesNothing(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("f.trace"), "policy skip-pinned\nfile f pages=2\nA: write(f, 0, 100)\n"
                + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nB: fsync(f)\ncrash()\nexpect durability\n");
        Path root = dir.resolve("no/such/root");
        CliRun r = run("promote", "--dir", root.toString(), f.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no such directory"), r.err());
        assertFalse(Files.exists(dir.resolve("no")));
    }

    @Test
    void checkWithAnEmptyOutPathIsExitTwo() {
        CliRun r = run("check", "--policy", "skip-pinned", "--out", "");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("pinfuzz check: --out needs a file name"), r.err());
    }
}
