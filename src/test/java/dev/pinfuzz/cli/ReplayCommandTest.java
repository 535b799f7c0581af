package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code pinfuzz replay} through {@link Main#execute}: exit codes and output of DESIGN §5. */
class ReplayCommandTest {
    /** The DESIGN §4 example, without its policy and expect lines. */
    static final String EXAMPLE_BODY = """
            file f pages=2
            A: write(f, 0, 100)
            A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
            B: fsync(f)
            crash()
            """;
    static final String EXAMPLE = "policy skip-pinned\n" + EXAMPLE_BODY + "expect durability\n";
    static final String CLEAN = "file f pages=1\nA: write(f, 0, 10)\nA: fsync(f)\ncrash()\n";

    @TempDir
    Path dir;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    String out() { return out.toString(StandardCharsets.UTF_8); }
    String err() { return err.toString(StandardCharsets.UTF_8); }

    Path trace(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    int replay(Object... args) {
        List<String> a = new ArrayList<>();
        a.add("replay");
        for (Object o : args) a.add(o.toString());
        return Main.execute(a.toArray(String[]::new));
    }

    void assertNoStackTrace() {
        for (String s : List.of(out(), err())) {
            assertFalse(s.contains("Exception"), "expected no exception name in the output, got:\n" + s);
            assertFalse(s.contains("\tat "), "expected no stack trace in the output, got:\n" + s);
        }
    }

    @Test
    void aFileWhoseVerdictMatchesItsExpectLineExitsZero() throws IOException {
        Path f = trace("lie.trace", EXAMPLE);
        assertEquals(0, replay(f), "expected exit 0 when the verdict matches expect; stdout:\n" + out() + "stderr:\n" + err());
        assertTrue(out().startsWith(f + ": durability\n"), "expected 'FILE: durability' first, got:\n" + out());
        assertTrue(out().contains("durability: fsync(f) at line 5"), "expected the explanation to name the lying fsync, got:\n" + out());
        assertEquals("", err(), "expected nothing on stderr");
    }

    @Test
    void aCleanFileWithoutExpectLineExitsZero() throws IOException {
        Path f = trace("clean.trace", CLEAN);
        assertEquals(0, replay(f), "expected exit 0 for an ok run without expect line; stdout:\n" + out());
        assertTrue(out().startsWith(f + ": ok"), "expected 'FILE: ok', got:\n" + out());
    }

    @Test
    void aFileWhoseVerdictDiffersFromItsExpectLineExitsOne() throws IOException {
        Path f = trace("wrong.trace", "policy bounce-pinned\n" + EXAMPLE_BODY + "expect durability\n");
        assertEquals(1, replay(f), "expected exit 1 when the verdict does not match expect");
        assertTrue(out().startsWith(f + ": ok\n"), "the first line is FILE: VERDICT alone, got:\n" + out());
        assertTrue(out().contains("\n  (expected durability)"), "expected the mismatch to be shown, got:\n" + out());
    }

    @Test
    void aFindingWithoutExpectLineExitsOne() throws IOException {
        Path f = trace("noexpect.trace", "policy skip-pinned\n" + EXAMPLE_BODY);
        assertEquals(1, replay(f), "expected exit 1 when a file without expect line is not ok");
        assertTrue(out().startsWith(f + ": durability\n  durability: "), "FILE: VERDICT, then the explanation, got:\n" + out());
        assertTrue(out().contains("\n  (expected ok)"), "expected '(expected ok)', got:\n" + out());
    }

    @Test
    void expectOkMatchesACleanRun() throws IOException {
        assertEquals(0, replay(trace("ok.trace", CLEAN + "expect ok\n")), "expected exit 0 for expect ok on a clean run");
    }

    @Test
    void badInputExitsTwoWithFileLineColumnOnStderrAndNoStackTrace() throws IOException {
        Path f = trace("bad.trace", "file f pages=2\nA: write(f, 0, 12x)\n");
        assertEquals(2, replay(f), "expected exit 2 on bad input");
        assertEquals(f + ":2:16: malformed number '12x' for length (decimal digits only)\n", err().replace("\r\n", "\n"),
                "expected exactly one FILE:LINE:COL message on stderr");
        assertNoStackTrace();
    }

    @Test
    void invalidUtf8ExitsTwoWithItsLocation() throws IOException {
        Path f = dir.resolve("bytes.trace");
        Files.write(f, new byte[] {'f', 'i', 'l', 'e', ' ', 'f', ' ', (byte) 0xff, '\n'});
        assertEquals(2, replay(f), "expected exit 2 on invalid UTF-8");
        assertTrue(err().startsWith(f + ":1:8: invalid UTF-8"), "expected FILE:1:8: invalid UTF-8, got:\n" + err());
        assertNoStackTrace();
    }

    @Test
    void badInputIsAlsoReportedAsTheBadInputVerdictOnStdout() throws IOException {
        Path f = trace("bad.trace", "A: exit()\n");
        assertEquals(2, replay(f), "expected exit 2 on bad input");
        assertTrue(out().contains(f + ": bad-input"), "expected 'FILE: bad-input' among the per-file verdicts, got:\n" + out());
    }

    @Test
    void anUnknownPolicyOptionExitsTwo() throws IOException {
        Path f = trace("lie.trace", EXAMPLE);
        assertEquals(2, replay(f, "--policy", "no-such-policy"), "expected exit 2 for an unknown --policy");
        assertTrue(err().contains("unknown policy 'no-such-policy'"), "expected the unknown policy to be named, got:\n" + err());
        assertTrue(err().contains("bounce-pinned"), "expected the known policies to be listed, got:\n" + err());
        assertEquals("", out(), "expected nothing replayed");
        assertNoStackTrace();
    }

    @Test
    void aMissingFileExitsTwoWithAClearMessage() {
        Path f = dir.resolve("nowhere.trace");
        assertEquals(2, replay(f), "expected exit 2 for a missing file");
        assertTrue(err().contains(f.toString()), "expected the missing file to be named, got:\n" + err());
        assertTrue(err().contains("no such file"), "expected 'no such file', got:\n" + err());
        assertFalse(err().contains(":0:0:"), "expected no made-up line and column for a missing file, got:\n" + err());
        assertNoStackTrace();
    }

    @Test
    void aDirectoryInsteadOfAFileExitsTwoWithAClearMessage() {
        assertEquals(2, replay(dir), "expected exit 2 for a directory");
        assertTrue(err().contains(dir + ": cannot read"), "expected 'cannot read', got:\n" + err());
        assertTrue(err().contains("directory"), "expected the reason to say it is a directory, got:\n" + err());
        assertNoStackTrace();
    }

    @Test
    void noFileArgumentIsAUsageErrorWithExitTwo() {
        assertEquals(2, Main.execute("replay"), "expected exit 2 when no FILE is given");
        assertTrue(err().contains("FILE"), "expected the usage error to mention FILE, got:\n" + err());
    }

    @Test
    void withSeveralFilesTheExitCodeIsTheWorst() throws IOException {
        Path ok = trace("a-ok.trace", CLEAN);
        Path mismatch = trace("b-mismatch.trace", "policy skip-pinned\n" + EXAMPLE_BODY);
        Path bad = trace("c-bad.trace", "file f pages=1\nA: frob()\n");
        assertEquals(0, replay(ok, ok), "expected 0 for two matching files");
        assertEquals(1, replay(ok, mismatch, ok), "expected 1 when one of several files does not match");
        assertEquals(2, replay(mismatch, bad, ok), "expected 2 when one file is bad input, whatever comes before or after");
        assertEquals(2, replay(bad, mismatch), "expected 2 to win over a later mismatch");
        assertEquals(2, replay(ok, dir.resolve("missing.trace")), "expected 2 when one file is missing");
    }

    @Test
    void everyFileIsReportedEvenAfterABadOne() throws IOException {
        Path bad = trace("a-bad.trace", "file f pages=1\nA: frob()\n");
        Path lie = trace("b-lie.trace", EXAMPLE);
        assertEquals(2, replay(bad, lie), "expected exit 2");
        assertTrue(err().contains(bad + ":2:4: unknown call 'frob'"), "expected the bad file's message, got:\n" + err());
        assertTrue(out().contains(lie + ": durability"), "expected the later file still to be replayed, got:\n" + out());
    }

    @ParameterizedTest(name = "the DESIGN example replays to {1} under {0}")
    @CsvSource({"skip-pinned, durability", "bounce-pinned, ok", "wait-on-pin, liveness", "refuse-longterm, ok"})
    void theDesignExampleReplaysToTheDocumentedVerdict(String policy, String verdict) throws IOException {
        Path f = trace(policy + ".trace", "policy " + policy + "\n" + EXAMPLE_BODY + "expect " + verdict + "\n");
        assertEquals(0, replay(f), "expected the example to be " + verdict + " under " + policy + "; stdout:\n" + out());
        assertTrue(out().startsWith(f + ": " + verdict + "\n"),
                "expected 'FILE: " + verdict + "', got:\n" + out());
    }

    @ParameterizedTest(name = "--policy {0} overrides the policy line of the example (exit {1})")
    @CsvSource({"skip-pinned, 0, durability", "bounce-pinned, 1, ok", "wait-on-pin, 1, liveness", "refuse-longterm, 1, ok"})
    void thePolicyOptionOverridesThePolicyLine(String policy, int code, String shown) throws IOException {
        Path f = trace("lie.trace", EXAMPLE);
        assertEquals(code, replay(f, "--policy", policy), "expected exit " + code + " under --policy " + policy);
        String o = out();
        assertTrue(o.startsWith(f + ": " + shown + "\n"), "expected '" + shown + "' alone on the first line, got:\n" + o);
        if (!policy.equals("skip-pinned")) {
            assertTrue(o.contains("\n  (expected durability)"), o);
            assertTrue(o.contains("\n  (policy " + policy + " from --policy, not the file's skip-pinned)"), o);
        }
    }

    @Test
    void aFileWithoutAPolicyLineSaysWhichPolicyItRanUnderBelowItsVerdict() throws IOException {
        Path f = trace("nopolicy.trace", "file f pages=1\nA: write(f, 0, 10)\n");
        assertEquals(0, replay(f));
        assertEquals(f + ": ok\n  (policy refuse-longterm: the file names none)\n", out());
    }

    @Test
    void verboseShowsTheRefusedLongTermPinUnderRefuseLongterm() throws IOException {
        Path f = trace("refuse.trace", "policy refuse-longterm\n" + EXAMPLE_BODY + "expect ok\n");
        assertEquals(0, replay(f, "--verbose"), "expected the example to be ok under refuse-longterm");
        String o = out();
        assertTrue(o.contains("replaying under refuse-longterm"), "expected the policy to be announced, got:\n" + o);
        assertTrue(o.contains("line 3   A: write(f, 0, 100) = 100"), "expected the write to return 100, got:\n" + o);
        assertTrue(o.contains("A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM) = -EFAULT"),
                "expected the long-term pin to return -EFAULT, got:\n" + o);
        assertTrue(o.contains("line 5   B: fsync(f) = 0"), "expected fsync to return 0, got:\n" + o);
        assertTrue(o.contains("f[0]: (not cached) -> refcount=2 pins=0 PG_dirty buffers"),
                "expected the write's page change (cached, dirty, buffers), got:\n" + o);
        assertTrue(o.contains("f[0]: refcount=2 pins=0 PG_dirty buffers -> refcount=2 pins=0 buffers"),
                "expected fsync to clean the unpinned page, got:\n" + o);
        assertTrue(o.contains("crash()"), "expected the crash to be shown, got:\n" + o);
        assertTrue(o.contains(f + ": ok"), "expected the verdict after the steps, got:\n" + o);
    }

    @Test
    void verboseShowsThePinAndTheSuspendedFsyncUnderWaitOnPin() throws IOException {
        Path f = trace("wait.trace", "policy wait-on-pin\n" + EXAMPLE_BODY + "expect liveness\n");
        assertEquals(0, replay(f, "--verbose"), "expected liveness under wait-on-pin");
        String o = out();
        assertTrue(o.contains("FOLL_WRITE|FOLL_LONGTERM) = 1"), "expected the pin to succeed (1 page), got:\n" + o);
        assertTrue(o.contains("refcount=1027 pins=1"), "expected the pin bias of 1024 in the refcount, got:\n" + o);
        assertTrue(o.contains("B: fsync(f) … suspended: waits for the pins on f[0] (handles p)"),
                "expected fsync to wait for the pin, got:\n" + o);
    }

    @Test
    void verboseShowsWhatABugKillReleasesUnderTheKilledStepThenItsDroppedLines() throws IOException {
        Path f = trace("kill.trace", "policy gup-2018\nfile f pages=2\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "A: writeback(f)\nreclaim()\nA: set_page_dirty_lock(p)\nA: fsync(f)\nA: put_page(p)\nB: fsync(f)\nexpect kernel-bug\n");
        assertEquals(0, replay(f, "--verbose"));
        String text = out();
        List<String> o = text.lines().toList();
        int killed = indexOf(o, "A: fsync(f) … never returns: task A killed by BUG");
        int bug = indexOf(o, "dmesg: kernel BUG: ext4_writepage");
        int released = indexOf(o, "refcount=1 pins=0 PG_dirty no-buffers");
        int dropped = indexOf(o, "A: put_page(p) … dropped: task A is dead");
        int next = indexOf(o, "line 9   B: fsync(f)");
        assertTrue(killed >= 0 && killed < bug && bug < released && released < dropped && dropped < next,
                "the BUG, then the GUP reference the kill released, belong to the killed fsync, before its dropped put_page"
                        + " and before the next step:\n" + text);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        return -1;
    }

    @Test
    void withoutVerboseNoStepsArePrinted() throws IOException {
        Path f = trace("lie.trace", EXAMPLE);
        replay(f);
        assertFalse(out().contains("pin_user_pages(f, 0, 1"), "expected no step lines without --verbose, got:\n" + out());
    }
}
