package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench.json}: every figure of the table and the per-seed runs behind them. Times are in
 * milliseconds; a time that hit its cap (or a median or maximum that includes one) is null.
 */
public final class BenchJson {
    public static final int SCHEMA = 1;

    private BenchJson() {}

    public static String of(BenchResult r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", SCHEMA);
        root.put("mode", r.config().mode());
        root.put("coverage", r.config().coverage().spelling());
        root.put("commit", r.machine().commit());
        root.put("dirty", r.machine().dirty());
        root.put("started", r.started().toString());
        root.put("seconds", r.seconds());
        root.put("machine", machine(r.machine()));
        root.put("model_throughput", throughput(r));
        root.put("jazzer_exec_per_sec", rates(r));
        root.put("jazzer_cost", costs(r));
        root.put("time_to_first_finding", times(r));
        Map<String, Object> shrunk = new LinkedHashMap<>();
        for (CellTimes c : r.cells())
            shrunk.put(c.cell().name(), map("known_minimum", c.cell().minimum(),
                    "lengths", c.property().stream().map(Hit::steps).toList(), "all_minimal", c.allMinimal()));
        root.put("shrunk_length", shrunk);
        root.put("nightly_heap", r.nightly() == null ? null : nightly(r.nightly()));
        List<Object> targets = new ArrayList<>();
        for (Targets.Target t : Targets.of(r).list())
            targets.add(map("key", t.key(), "goal", t.goal(), "figure", t.figure(), "met", t.met()));
        root.put("targets", targets);
        return Json.write(root);
    }

    private static Map<String, Object> machine(Machine m) {
        return map("cores", m.cores(), "jvm", m.jvm(), "load_average_before", list(m.loadBefore()),
                "load_average_after", list(m.loadAfter()));
    }

    private static Map<String, Object> throughput(BenchResult r) {
        Map<String, Object> ps = new LinkedHashMap<>();
        for (ModelThroughput.Rate t : r.throughput())
            ps.put(t.policy(), map("programs_per_sec", t.programsPerSecond(), "steps_per_sec", t.stepsPerSecond(),
                    "mean_steps", t.meanSteps(), "decode_and_judge_programs_per_sec", t.decodedProgramsPerSecond()));
        return map("warmup_seconds", r.config().warmupSeconds(), "seconds", r.config().throughputSeconds(), "policies", ps);
    }

    private static Map<String, Object> rates(BenchResult r) {
        if (r.jazzerRates() == null) return null;
        double empty = r.emptyRate().execPerSec();
        Map<String, Object> ps = new LinkedHashMap<>();
        for (JazzerRate.Rate t : r.jazzerRates())
            ps.put(t.target(), map("exec_per_sec", t.execPerSec(), "executions", t.executions(),
                    "share_of_empty", empty > 0 ? t.execPerSec() / empty : null, "steady_exec_per_sec", t.steadyExecPerSec(),
                    "steady_share_of_empty", r.emptyRate().steadyExecPerSec() > 0 ? t.steadyExecPerSec() / r.emptyRate().steadyExecPerSec() : null));
        return map("seconds", r.config().rateSeconds(), "empty", map("exec_per_sec", empty, "executions", r.emptyRate().executions(),
                "steady_exec_per_sec", r.emptyRate().steadyExecPerSec()), "policies", ps);
    }

    /** µs per execution, by stage of the replayed target ({@link JazzerCost}); null without Jazzer. */
    private static Map<String, Object> costs(BenchResult r) {
        if (r.jazzerCosts() == null) return null;
        Map<String, Object> ps = new LinkedHashMap<>();
        for (JazzerCost.Breakdown b : r.jazzerCosts()) {
            Map<String, Object> stages = new LinkedHashMap<>();
            for (int i = 0; i < b.stages().size(); i++)
                stages.put(b.stages().get(i).stage(), map("exec_per_sec", b.stages().get(i).execPerSec(), "us", finite(b.stageMicros(i))));
            ps.put(b.policy(), map("inputs", b.inputs(), "mean_steps", b.meanSteps(), "empty_us", finite(b.emptyMicros()),
                    "stages", stages, "fuzzing_us", finite(b.fuzzingMicros()), "fuzzing_beyond_stages_us", finite(b.fuzzingOverheadMicros()),
                    "share_of_empty_with_free_model", finite(b.shareWithFreeModel())));
        }
        return map("stage_seconds", r.config().costSeconds(), "policies", ps);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Object> times(BenchResult r) {
        Map<String, Object> cells = new LinkedHashMap<>();
        for (CellTimes c : r.cells()) {
            Map<String, Object> m = map("policy", c.cell().policy(), "verdict", c.cell().verdict().spelling(),
                    "known_minimum", c.cell().minimum());
            m.put("property", hunt(c.propertySpread(), c.propertySearchSpread(), c.propertyTries(), c.property()));
            m.put("jazzer", c.jazzer().isEmpty() ? null : hunt(c.jazzerSpread(), c.jazzerSearchSpread(), c.jazzerTries(), c.jazzer()));
            m.put("naive", hunt(c.naiveSpread(), c.naiveSpread(), c.naiveTries(), c.naive()));
            double naive = c.naiveSpread().median();
            m.put("naive_over_property", Spread.ratio(naive, c.propertySpread().median()));
            m.put("naive_over_property_search", Spread.ratio(naive, c.propertySearchSpread().median()));
            m.put("naive_over_jazzer", Spread.ratio(naive, c.jazzerSpread().median()));
            m.put("naive_over_jazzer_search", Spread.ratio(naive, c.jazzerSearchSpread().median()));
            m.put("naive_over_property_programs", Spread.ratio(c.naiveTries().median(), c.propertyTries().median()));
            m.put("naive_over_jazzer_programs", Spread.ratio(c.naiveTries().median(), c.jazzerTries().median()));
            cells.put(c.cell().name(), m);
        }
        return map("seeds", r.config().seeds(), "jazzer_seeds", r.config().jazzer() ? r.config().jazzerSeeds() : 0,
                "property_max_tries", r.config().propertyTries(), "naive_cap_seconds", r.config().naiveCapSeconds(),
                "jazzer_cap_seconds", r.config().jazzerCapSeconds(), "cells", cells);
    }

    /** ms: as reported (Jazzer: with start-up; property: shrunk); search_ms: the search alone (Jazzer: from INITED; property: unshrunk). */
    private static Map<String, Object> hunt(Spread s, Spread search, Spread programs, List<Hit> hits) {
        Map<String, Object> m = map("median_ms", s.median(), "max_ms", s.max(), "median_search_ms", search.median(),
                "max_search_ms", search.max(), "median_programs", programs.median(), "found", s.found(), "runs", s.runs());
        List<Object> runs = new ArrayList<>();
        for (Hit h : hits)
            runs.add(map("seed", h.seed(), "ms", h.millis(), "search_ms", h.searchMillis(), "programs", h.tries(), "steps", h.steps()));
        m.put("per_seed", runs);
        return m;
    }

    private static Map<String, Object> nightly(NightlyHeap.Result n) {
        GcLog o = n.orchestrator();
        Map<String, Object> orch = map("peak_used_mb", o.peakUsedMb(), "peak_live_mb", o.peakLiveMb(),
                "peak_committed_mb", o.peakCommittedMb(), "gc_points", o.points().size(), "live_mb_by_tenth", list(o.liveBySlice(10)),
                "flat", o.flat(), "peak_rss_mb", n.rssMb().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                "rss_mb_by_tenth", list(slices(n.rssMb(), 10)));
        List<GcLog> cs = n.children();
        GcLog longest = cs.stream().max((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(null);
        Map<String, Object> kids = map("count", cs.size(), "helpers", n.helpers(),
                "peak_used_mb", cs.stream().mapToDouble(GcLog::peakUsedMb).max().orElse(0),
                "peak_live_mb", cs.stream().mapToDouble(GcLog::peakLiveMb).max().orElse(0),
                "peak_committed_mb", cs.stream().mapToDouble(GcLog::peakCommittedMb).max().orElse(0),
                "all_flat", cs.stream().allMatch(GcLog::flat), "peak_rss_mb", n.childPeakRssMb(),
                "longest_live_mb_by_tenth", longest == null ? List.of() : list(longest.liveBySlice(10)));
        return map("budget_seconds", n.budgetSeconds(), "exit_code", n.exitCode(), "wall_seconds", n.wallSeconds(),
                "orchestrator", orch, "jazzer_children", kids);
    }

    /** The highest value in each of {@code n} equal slices of a series (-1 where a slice is empty). */
    static double[] slices(List<Double> series, int n) {
        double[] out = new double[n];
        Arrays.fill(out, -1);
        for (int i = 0; i < series.size(); i++) {
            int k = (int) ((long) i * n / series.size());
            out[k] = Math.max(out[k], series.get(i));
        }
        return out;
    }

    private static List<Double> list(double[] a) {
        if (a == null) return null;
        return Arrays.stream(a).boxed().toList();
    }

    /** An ordered map from alternating keys and values. */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
