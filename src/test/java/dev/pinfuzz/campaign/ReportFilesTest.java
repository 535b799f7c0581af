package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.program.TraceParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.json has exactly the agreed keys; report.html is self-contained and shows matrix, plots and findings. */
final class ReportFilesTest {
    private static TargetResult target(String name, String policy, long rate) {
        List<LibFuzzerLog.Sample> s = new ArrayList<>();
        for (int t = 4; t <= 20; t += 2) s.add(new LibFuzzerLog.Sample(t, rate * (t - 4), 100 + 10 * t, t, rate));
        return new TargetResult(name, policy, true, false, 20, 20, 16, rate * 16, rate, 300, 40, 55, s, List.of());
    }

    /** skip-pinned found its lie; bounce-pinned (clean) has a violation; wait-on-pin missed its liveness. */
    private static MatrixView view(Path dir) throws Exception {
        String lie = "policy skip-pinned\nfile f pages=1\nA: write(f, 0, 1)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: fsync(f)\n";
        Path in = dir.resolve("crash-1");
        Files.write(in, ProgramEncoder.encode(TraceParser.parse("x", lie)));
        Triage t = new Triage();
        t.add("skip-pinned", in, 6.25, null);
        Campaign.Options o = new Campaign.Options(List.of("skip-pinned", "wait-on-pin", "bounce-pinned"), 60, 15, 1, 2, dir, null, false, true, Coverage.STATES, 0);
        List<TargetResult> targets = List.of(target("empty", null, 900_000), target("skip-pinned", "skip-pinned", 5000),
                target("wait-on-pin", "wait-on-pin", 4000), target("bounce-pinned", "bounce-pinned", 3000));
        List<CampaignFinding> fs = new ArrayList<>(t.findings());
        // The same lie relabelled as bounce-pinned's: a finding in a clean cell.
        CampaignFinding g = fs.get(0);
        fs.add(new CampaignFinding(g.verdict(), "bounce-pinned", g.program().withPolicy("bounce-pinned"), g.outcome(), 9, g.input(), 3, CampaignFinding.JAZZER));
        return new MatrixView(new Campaign.Result(o, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"),
                false, targets, fs, List.of(), 20454));
    }

    @Test
    void summaryJsonHasExactlyTheAgreedKeysAndSaysTheMatrixDoesNotHold(@TempDir Path dir) throws Exception {
        MatrixView v = view(dir);
        Map<String, String> traces = FindingFiles.write(dir, v.result().findings());
        JsonNode root = new ObjectMapper().readTree(SummaryJson.of(v, traces));
        assertTrue(fields(root).containsAll(Set.of("budget_seconds", "started", "policies", "canary_matrix_holds")));
        assertEquals(60, root.get("budget_seconds").asInt());
        assertEquals("states", root.get("coverage_mode").asText(), "coverage figures compare only within one mode");
        assertEquals("2026-01-01T00:00:00Z", root.get("started").asText());
        assertFalse(root.get("canary_matrix_holds").asBoolean());
        assertEquals(List.of("skip-pinned", "wait-on-pin", "bounce-pinned"), fields(root.get("policies")));
        JsonNode sp = root.get("policies").get("skip-pinned");
        assertTrue(fields(sp).containsAll(Set.of("expected", "executions", "exec_per_sec", "coverage", "corpus_size", "verdicts", "findings")));
        assertEquals("durability", sp.get("expected").get(0).asText());
        assertEquals(80_000, sp.get("executions").asLong());
        assertEquals(5000, sp.get("exec_per_sec").asLong());
        assertEquals("durability", sp.get("verdicts").get(0).asText());
        JsonNode f = sp.get("findings").get(0);
        assertTrue(fields(f).containsAll(Set.of("verdict", "trace", "steps")));
        assertEquals(3, f.get("steps").asInt());
        assertTrue(Files.isRegularFile(dir.resolve(f.get("trace").asText())), f.get("trace").asText());
        assertEquals(0, root.get("policies").get("wait-on-pin").get("verdicts").size());
        assertEquals(0, root.get("policies").get("bounce-pinned").get("expected").size());
        assertEquals(900_000, root.get("empty_target").get("exec_per_sec").asLong());
    }

    @Test
    void reportHtmlIsOneSelfContainedPageWithMatrixPlotsAndReplayCommands(@TempDir Path dir) throws Exception {
        MatrixView v = view(dir);
        Map<String, String> traces = FindingFiles.write(dir, v.result().findings());
        String html = HtmlReport.of(v, traces, "pinfuzz-out/x");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no network resources");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertEquals(2, html.split("<svg ", -1).length - 1, "coverage and exec/s plots");
        assertTrue(html.contains("<td class=\"found\" title=\"expected found\">found"), "skip-pinned's durability cell");
        assertTrue(html.contains("<td class=\"missed\" title=\"expected found\">missed"), "wait-on-pin's liveness cell");
        assertTrue(html.contains("<td class=\"violation\" title=\"expected clean\">violation"), "bounce-pinned's durability cell");
        for (String t : traces.values()) assertTrue(html.contains("./pinfuzz replay pinfuzz-out/x/" + t), t);
        assertTrue(html.contains("VIOLATION of a clean cell"));
        assertTrue(html.contains("empty target"), "exec/s is compared with the empty target");
        assertTrue(html.contains("folio states and policy branches") && !html.contains("bytecode edges"), "the axis names what --coverage states counts");
    }

    @Test
    void theTextSummarySaysWhichRowsBroke(@TempDir Path dir) throws Exception {
        MatrixView v = view(dir);
        String text = TextSummary.of(v, FindingFiles.write(dir, v.result().findings()), "out");
        assertTrue(text.matches("(?s).*skip-pinned .* holds\n.*"), text);
        assertTrue(text.matches("(?s).*wait-on-pin .* BROKEN\n.*"), text);
        assertTrue(text.contains("VIOLATION durability under bounce-pinned"), text);
        assertTrue(text.endsWith("canary matrix does NOT hold\n"), text);
    }

    /** {@link #view}'s targets, bounce-pinned's fuzzer stopped before it ran an input. */
    private static List<TargetResult> bouncePinnedNeverRan(MatrixView full) {
        List<TargetResult> targets = new ArrayList<>(full.result().targets());
        TargetResult bp = full.target("bounce-pinned");
        targets.set(targets.indexOf(bp), new TargetResult(bp.name(), bp.policy(), false, true, 20, 0, 0, 0, 0, 0, 0, -1, List.of(), List.of()));
        return targets;
    }

    @Test
    void aPolicyAnInterruptedCampaignNeverStartedIsNotRunNotClean(@TempDir Path dir) throws Exception {
        MatrixView full = view(dir);
        Campaign.Result r = full.result();
        List<TargetResult> targets = bouncePinnedNeverRan(full);
        List<CampaignFinding> fs = r.findings().stream().filter(f -> !f.policy().equals("bounce-pinned")).toList();
        MatrixView v = new MatrixView(new Campaign.Result(r.options(), r.started(), r.finished(), true, targets, fs, List.of(), 20454));
        assertEquals(MatrixView.Cell.NOT_RUN, v.cell("bounce-pinned", dev.pinfuzz.program.Verdict.DURABILITY));
        assertFalse(v.holds("bounce-pinned"));
        assertTrue(TextSummary.of(v, Map.of(), "out").matches("(?s).*bounce-pinned .* not run\n.*"));
        MatrixView uninterrupted = new MatrixView(new Campaign.Result(r.options(), r.started(), r.finished(), false, targets, fs, List.of(), 20454));
        assertTrue(uninterrupted.broken(), "without an interrupt, a fuzzer that ran no input (a JVM that died, say) breaks the run");
        assertTrue(TextSummary.of(uninterrupted, Map.of(), "out").endsWith("canary matrix does NOT hold\n"));
    }

    /** The campaign of {@link #view} interrupted: every target stopped before its budget ran out. */
    private static MatrixView interrupted(MatrixView full, List<CampaignFinding> fs) {
        Campaign.Result r = full.result();
        List<TargetResult> targets = new ArrayList<>();
        for (TargetResult t : r.targets())
            targets.add(new TargetResult(t.name(), t.policy(), true, true, t.budgetSeconds(), 5, 2, t.executions(), t.execPerSec(),
                    t.coverage(), t.corpusSize(), -1, t.samples(), t.artifacts()));
        return new MatrixView(new Campaign.Result(r.options(), r.started(), r.finished(), true, targets, fs, List.of(), 20454));
    }

    @Test
    void aPolicyCutShortByAnInterruptIsNotCleanAndTheMatrixIsNotSettled(@TempDir Path dir) throws Exception {
        MatrixView full = view(dir);
        List<CampaignFinding> fs = full.result().findings().stream().filter(f -> !f.policy().equals("bounce-pinned")).toList();
        MatrixView v = interrupted(full, fs);
        assertEquals(MatrixView.Cell.CUT_SHORT, v.cell("bounce-pinned", dev.pinfuzz.program.Verdict.DURABILITY),
                "bounce-pinned fuzzed 5 s of 15 with nothing found: its cells are not known to be clean");
        assertEquals(MatrixView.Cell.CUT_SHORT, v.cell("wait-on-pin", dev.pinfuzz.program.Verdict.LIVENESS),
                "an expected verdict not found before the interrupt is not missed either");
        assertEquals(MatrixView.Cell.FOUND, v.cell("skip-pinned", dev.pinfuzz.program.Verdict.DURABILITY), "what was found stays found");
        assertEquals(MatrixView.Cell.CUT_SHORT, v.cell("skip-pinned", dev.pinfuzz.program.Verdict.LIVENESS));
        assertFalse(v.holds("bounce-pinned"));
        assertFalse(v.holds());
        assertFalse(v.broken(), "nothing contradicts the matrix yet");
        JsonNode root = new ObjectMapper().readTree(SummaryJson.of(v, Map.of()));
        assertFalse(root.get("canary_matrix_holds").asBoolean());
        assertEquals("not-settled", root.get("canary_matrix").asText());
        assertEquals("cut-short", root.get("policies").get("bounce-pinned").get("row").asText());
        String text = TextSummary.of(v, FindingFiles.write(dir, fs), "out");
        assertTrue(text.matches("(?s).*bounce-pinned .* cut short\n.*"), text);
        assertTrue(text.endsWith("canary matrix not settled: interrupted before every policy was fuzzed to the end of its budget\n"), text);
        String html = HtmlReport.of(v, Map.of(), "out");
        assertTrue(html.contains("<td class=\"cut-short\" title=\"expected clean\">cut-short"), "bounce-pinned's cells");
        assertFalse(html.contains("class=\"clean\""), "no cell of a cut-short run shows clean");
    }

    @Test
    void aViolationFoundBeforeAnInterruptStillBreaksItsRow(@TempDir Path dir) throws Exception {
        MatrixView full = view(dir);
        MatrixView v = interrupted(full, full.result().findings());
        assertEquals(MatrixView.Cell.VIOLATION, v.cell("bounce-pinned", dev.pinfuzz.program.Verdict.DURABILITY));
        assertEquals(MatrixView.Row.BROKEN, v.row("bounce-pinned"));
        assertTrue(v.broken());
        assertTrue(TextSummary.of(v, FindingFiles.write(dir, v.result().findings()), "out").endsWith("canary matrix does NOT hold\n"));
    }

    @Test
    void findingsOfOnePolicyAndVerdictAreOneGroupLedByTheShortestProgram(@TempDir Path dir) throws Exception {
        MatrixView full = view(dir);
        Campaign.Result r = full.result();
        CampaignFinding lie = r.findings().get(0);
        var longer = TraceParser.parse("x", "policy skip-pinned\nfile f pages=1\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n"
                + "A: q = pin_user_pages(f, 0, 1, 0)\ndev: dma_write(p, 0, 1)\nA: unpin_user_pages_dirty_lock(p, true)\nA: fsync(f)\n");
        var o = dev.pinfuzz.oracle.Judge.run(longer, dev.pinfuzz.policy.Policies.get("skip-pinned"));
        List<CampaignFinding> fs = new ArrayList<>(r.findings());
        fs.add(0, new CampaignFinding(lie.verdict(), "skip-pinned", longer.withExpect(o.verdicts()), o, 1.0, lie.input(), 9, CampaignFinding.JAZZER));
        MatrixView v = new MatrixView(new Campaign.Result(r.options(), r.started(), r.finished(), false, r.targets(), fs, List.of(), 20454));
        String html = HtmlReport.of(v, FindingFiles.write(dir, fs), "out");
        int group = html.indexOf("<h3>durability under skip-pinned");
        assertTrue(group >= 0 && html.indexOf("<h3>durability under skip-pinned", group + 1) < 0, "one group for skip-pinned durability");
        assertTrue(html.startsWith("<h3>durability under skip-pinned <span class=\"ok\">(expected: canary)</span> <span class=\"muted\">2 distinct minimal programs</span></h3>", group),
                html.substring(group, group + 200));
        int details = html.indexOf("<details>", group);
        assertTrue(details > 0, "the second program is folded");
        assertTrue(html.indexOf("dma_write(p, 0, 1)", group) > details, "the 3-step program leads; the 5-step one is folded");
        assertTrue(html.indexOf("VIOLATION of a clean cell") < group, "violations come first");
    }

    @Test
    void aViolationTheSweepFoundBreaksItsRowEvenIfTheFuzzerNeverRanAndTheReportSaysHowToReproduceIt(@TempDir Path dir) throws Exception {
        MatrixView full = view(dir);
        Campaign.Result r = full.result();
        List<TargetResult> targets = bouncePinnedNeverRan(full);
        List<CampaignFinding> fs = new ArrayList<>();
        for (CampaignFinding f : r.findings())
            fs.add(!f.policy().equals("bounce-pinned") ? f : new CampaignFinding(f.verdict(), f.policy(), f.program(), f.outcome(), 0.3,
                    f.input(), f.originalSteps(), CampaignFinding.SWEEP));
        MatrixView v = new MatrixView(new Campaign.Result(r.options(), r.started(), r.finished(), true, targets, fs, List.of(), 20454));
        assertEquals(MatrixView.Cell.VIOLATION, v.cell("bounce-pinned", dev.pinfuzz.program.Verdict.DURABILITY));
        assertEquals(MatrixView.Cell.NOT_RUN, v.cell("bounce-pinned", dev.pinfuzz.program.Verdict.LIVENESS));
        assertEquals(MatrixView.Row.BROKEN, v.row("bounce-pinned"));
        String html = HtmlReport.of(v, FindingFiles.write(dir, fs), "out");
        assertTrue(html.contains("by the property sweep before fuzzing (the first such program of <code>pinfuzz check --policy bounce-pinned --seed 20454 --verdict durability</code>)"), html);
        JsonNode bpJson = new ObjectMapper().readTree(SummaryJson.of(v, FindingFiles.write(dir, fs))).get("policies").get("bounce-pinned");
        assertEquals("property sweep", bpJson.get("findings").get(0).get("engine").asText());
    }

    private static List<String> fields(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l;
    }
}
