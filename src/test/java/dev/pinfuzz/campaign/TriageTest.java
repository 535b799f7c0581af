package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import dev.pinfuzz.run.Replay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashing fuzzer inputs become shrunk, deduplicated findings that replay to their expect line. */
final class TriageTest {
    /** A skip-pinned lie with noise around it: a second file, an extra task, a sync_file_range. */
    private static final String NOISY_LIE = """
            policy skip-pinned
            file f pages=2
            file g pages=1
            A: write(g, 0, 100)
            A: write(f, 0, 100)
            B: sync_file_range(g)
            A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
            C: write(g, 5, 5)
            B: fsync(f)
            """;

    private static Path input(Path dir, String trace, String name) throws Exception {
        Program p = TraceParser.parse(name, trace);
        Path f = dir.resolve(name);
        Files.write(f, ProgramEncoder.encode(DecoderNames.of(p).withExpect(null)));
        return f;
    }

    @Test
    void aCrashingInputIsShrunkToAFindingThatReplaysToItsExpectLine(@TempDir Path dir) throws Exception {
        Triage t = new Triage();
        t.add("skip-pinned", input(dir, NOISY_LIE, "crash-1"), 7.5, "durability: ...");
        assertEquals(1, t.findings().size());
        CampaignFinding f = t.findings().get(0);
        assertEquals(Verdict.DURABILITY, f.verdict());
        assertTrue(f.expected());
        assertEquals(6, f.originalSteps());
        assertEquals(3, f.program().size(), () -> TraceWriter.print(f.program()));
        assertEquals(7.5, f.seconds());
        String text = f.regression().traceText();
        assertTrue(text.startsWith("policy skip-pinned\nfile f pages=1\n"), text);
        assertTrue(text.contains("\nexpect durability\n# durability: "), text);
        Replay.Result r = Replay.bytes("finding", text.getBytes(StandardCharsets.UTF_8), null, null);
        assertTrue(r.matches(), r::report);
    }

    @Test
    void twoInputsThatShrinkToTheSameProgramAreOneFindingAtTheEarlierTime(@TempDir Path dir) throws Exception {
        Triage t = new Triage();
        t.add("skip-pinned", input(dir, NOISY_LIE, "crash-1"), 9, null);
        t.add("skip-pinned", input(dir, NOISY_LIE.replace("C: write(g, 5, 5)\n", ""), "crash-2"), 4, null);
        assertEquals(1, t.findings().size());
        assertEquals(4.0, t.findings().get(0).seconds());
    }

    @Test
    void anInputWithSeveralVerdictsGivesOneFindingPerVerdict(@TempDir Path dir) throws Exception {
        String both = """
                policy gup-2018
                file f pages=1
                A: p = get_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                A: writeback(f)
                reclaim()
                dev: dma_write(p, 0, 10)
                A: fsync(f)
                """;
        Triage t = new Triage();
        t.add("gup-2018", input(dir, both, "crash-3"), 1, null);
        EnumSet<Verdict> hunted = EnumSet.noneOf(Verdict.class);
        for (CampaignFinding f : t.findings()) {
            hunted.add(f.verdict());
            assertTrue(f.outcome().has(f.verdict()));
            assertEquals(f.outcome().verdicts(), f.program().expect());
        }
        assertEquals(EnumSet.of(Verdict.DURABILITY, Verdict.KERNEL_BUG), hunted);
    }

    @Test
    void anInputThatReplaysCleanIsKeptAsAnErrorNotDropped(@TempDir Path dir) throws Exception {
        Triage t = new Triage();
        t.add("bounce-pinned", input(dir, NOISY_LIE.replace("skip-pinned", "bounce-pinned"), "timeout-1"), 3, "timeout after 10 seconds");
        assertTrue(t.findings().isEmpty());
        assertEquals(1, t.errors().size());
        assertFalse(t.errors().get(0).modelError());
        assertTrue(t.errors().get(0).message().contains("timeout after 10 seconds"));
    }

    @Test
    void anotherEnginesInputKeepsOnlyTheVerdictsItWasAddedFor(@TempDir Path dir) throws Exception {
        Triage t = new Triage();
        t.add("skip-pinned", input(dir, NOISY_LIE, "sweep-1"), 0.1, null, EnumSet.of(Verdict.LIVENESS), CampaignFinding.SWEEP);
        assertEquals(0, t.findings().size(), "the lie is durability: nothing kept when only liveness was hunted");
        t.add("skip-pinned", input(dir, NOISY_LIE, "sweep-2"), 0.2, null, EnumSet.of(Verdict.DURABILITY), CampaignFinding.SWEEP);
        assertEquals(1, t.findings().size());
        assertEquals(CampaignFinding.SWEEP, t.findings().get(0).engine());
        assertEquals(3, t.findings().get(0).program().size(), "shrunk like a fuzzer's crash");
    }
}
