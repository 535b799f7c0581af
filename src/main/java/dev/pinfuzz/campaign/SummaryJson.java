package dev.pinfuzz.campaign;

import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code summary.json}: the keys the nightly job's consumers read ({@code budget_seconds},
 * {@code started}, {@code policies.NAME.{expected, executions, exec_per_sec, coverage,
 * corpus_size, verdicts, findings[{verdict, trace, steps}]}}, {@code canary_matrix_holds}), plus
 * a few more: the coverage mode ({@code coverage_mode}), time to find, the empty target's exec/s, errors,
 * and whether an interrupted campaign settled the matrix ({@code canary_matrix}, per policy {@code row}).
 */
public final class SummaryJson {
    private SummaryJson() {}

    /** @param traces each finding's trace path relative to the campaign directory, by signature */
    public static String of(MatrixView v, Map<String, String> traces) {
        Campaign.Result r = v.result();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("budget_seconds", r.options().budget());
        root.put("started", r.started().toString());
        root.put("finished", r.finished().toString());
        root.put("interrupted", r.interrupted());
        root.put("jobs", r.options().concurrency() * r.options().processes());
        // libFuzzer's "cov" counts different things in each mode: figures compare within a mode only
        root.put("coverage_mode", r.options().coverage().spelling());
        if (r.options().sweepTries() > 0)
            root.put("property_sweep", Map.of("seed", r.sweepSeed(), "programs_per_policy", r.options().sweepTries()));
        Map<String, Object> policies = new LinkedHashMap<>();
        for (String p : v.policies()) policies.put(p, policy(v, p, traces));
        root.put("policies", policies);
        TargetResult e = v.empty();
        if (e != null) root.put("empty_target", Map.of("executions", e.executions(), "exec_per_sec", e.execPerSec()));
        root.put("canary_matrix_holds", v.holds());
        root.put("canary_matrix", v.holds() ? "holds" : v.broken() ? "broken" : "not-settled");
        return Json.write(root);
    }

    private static Map<String, Object> policy(MatrixView v, String p, Map<String, String> traces) {
        Map<String, Object> m = new LinkedHashMap<>();
        TargetResult t = v.target(p);
        m.put("expected", spell(CanaryMatrix.expected(p)));
        m.put("executions", t.executions());
        m.put("exec_per_sec", t.execPerSec());
        m.put("coverage", t.coverage());
        m.put("corpus_size", t.corpusSize());
        m.put("verdicts", spell(v.found(p)));
        List<Object> fs = new ArrayList<>();
        for (CampaignFinding f : v.findings(p)) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("verdict", f.verdict().spelling());
            fm.put("trace", traces.get(f.signature()));
            fm.put("steps", f.program().size());
            fm.put("verdicts", spell(f.outcome().verdicts()));
            fm.put("expected", f.expected());
            fm.put("engine", f.engine());
            fm.put("found_after_seconds", f.seconds());
            fm.put("original_steps", f.originalSteps());
            fs.add(fm);
        }
        m.put("findings", fs);
        Map<String, Object> ttf = new LinkedHashMap<>();
        for (Verdict c : CanaryMatrix.COLUMNS) {
            OptionalDouble d = v.timeToFind(p, c);
            if (d.isPresent()) ttf.put(c.spelling(), d.getAsDouble());
        }
        m.put("time_to_find_seconds", ttf);
        m.put("holds", v.holds(p));
        m.put("row", v.row(p).json());
        m.put("fuzz_seconds", t.fuzzSeconds());
        m.put("fuzzing_seconds", t.fuzzingSeconds());
        m.put("stopped", t.stopped());
        if (t.mergedCorpusSize() >= 0) m.put("merged_corpus_size", t.mergedCorpusSize());
        TargetResult e = v.empty();
        if (e != null && t.execPerSec() > 0) m.put("slowdown_vs_empty", (double) e.execPerSec() / t.execPerSec());
        List<Object> errs = new ArrayList<>();
        for (Triage.Error err : v.errors(p))
            errs.add(Map.of("input", err.input().toString(), "message", err.message(), "model_error", err.modelError()));
        m.put("errors", errs);
        return m;
    }

    private static List<String> spell(java.util.Set<Verdict> vs) {
        return vs.stream().map(Verdict::spelling).toList();
    }
}
