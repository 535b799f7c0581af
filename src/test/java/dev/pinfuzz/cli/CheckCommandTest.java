package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.run.Replay;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinfuzz check}: exit codes, the printed trace, the written file, determinism. */
final class CheckCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void aFoundCounterexampleIsPrintedAsAReplayableTraceWrittenToOutAndExitsOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("found.trace");
        CliRun r = run("check", "--policy", "skip-pinned", "--seed", "1", "--out", file.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().startsWith("policy skip-pinned\nfile "), "the trace starts with its policy line:\n" + r.out());
        String written = Files.readString(file);
        assertTrue(r.out().startsWith(written), "stdout is the written trace followed by statistics");
        assertTrue(written.contains("\nexpect durability\n# durability: fsync(f) at line "), written);
        assertTrue(written.contains("# found by: pinfuzz check --policy skip-pinned --seed 1 --tries 10000"), written);
        Replay.Result again = Replay.file(file, null, null);
        assertTrue(again.matches(), again.report());
        assertTrue(r.err().contains("seed 1"), "the seed is printed: " + r.err());
        assertTrue(r.out().contains("# calls: ") && r.out().contains("# verdicts (programs): "), r.out());
    }

    @Test
    void outRefusesASymbolicLinkADirectoryOrAMissingDirectoryBeforeSearching(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("elsewhere.trace"), "kept\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.trace"), target);
        CliRun r = run("check", "--policy", "skip-pinned", "--seed", "1", "--out", link.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().endsWith("cannot write " + link + ": not a regular file (a symbolic link)\n"), r.err());
        assertTrue(Files.isSymbolicLink(link) && Files.readString(target).equals("kept\n"), "the link and its target are left alone");
        CliRun d = run("check", "--policy", "skip-pinned", "--seed", "1", "--out", dir.toString());
        assertEquals(2, d.code());
        assertTrue(d.err().contains("not a regular file (a directory)"), d.err());
        assertEquals("", d.out(), "refused before the search: no counterexample was printed");
        Path deep = dir.resolve("a/b/found.trace");
        CliRun m = run("check", "--policy", "skip-pinned", "--seed", "1", "--out", deep.toString());
        assertEquals(2, m.code());
        assertTrue(m.err().endsWith("cannot write " + deep + ": no such directory: " + deep.getParent() + "\n"), m.err());
        assertFalse(Files.exists(dir.resolve("a")), "no directory is made");
    }

    @Test
    void theSameSeedPrintsAndWritesByteIdenticalOutputAndTheRatesGoToStderr(@TempDir Path dir) throws Exception {
        CliRun a = run("check", "--policy", "gup-2018", "--seed", "4", "--verdict", "kernel-bug", "--out", dir.resolve("a.trace").toString());
        CliRun b = run("check", "--policy", "gup-2018", "--seed", "4", "--verdict", "kernel-bug", "--out", dir.resolve("b.trace").toString());
        assertEquals(1, a.code());
        assertEquals(a.out(), b.out(), "stdout must be the same for the same seed");
        assertEquals(Files.readString(dir.resolve("a.trace")), Files.readString(dir.resolve("b.trace")));
        assertFalse(a.out().contains("programs/s"), "rates vary from run to run; they belong on stderr:\n" + a.out());
        assertTrue(a.err().matches("(?s).*pinfuzz check: \\d+ tries, \\d+ steps in [0-9.]+ s: \\d+ programs/s.*"), a.err());
    }

    @Test
    void noViolationExitsZeroWithStatistics() {
        CliRun r = run("check", "--policy", "bounce-pinned", "--seed", "1", "--tries", "50", "--verdict", "liveness");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("# pinfuzz check --policy bounce-pinned --seed 1 --tries 50 --verdict liveness: no liveness in 50 tries"), r.out());
        assertTrue(r.out().contains("# statistics: 50 tries"), r.out());
    }

    @Test
    void anUnknownPolicyOrVerdictIsOneClearLineAndExitTwo(@TempDir Path dir) {
        Path file = dir.resolve("never.trace");
        CliRun p = run("check", "--policy", "gup-2019", "--out", file.toString());
        assertEquals(2, p.code());
        assertEquals(1, p.err().strip().lines().count(), p.err());
        assertTrue(p.err().startsWith("pinfuzz check: unknown policy 'gup-2019' (known: gup-2018, "), p.err());
        CliRun v = run("check", "--policy", "gup-2018", "--verdict", "ok");
        assertEquals(2, v.code());
        assertTrue(v.err().startsWith("pinfuzz check: unknown verdict 'ok'"), v.err());
        assertFalse(p.err().contains("Exception") || v.err().contains("Exception"), "no stack trace");
        assertFalse(Files.exists(file), "nothing is written on bad arguments");
        assertEquals(2, run("check").code(), "--policy is required");
    }
}
