package dev.pinfuzz.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinfuzz.policy.Policies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench.json's schema and the table, from a tiny in-process bench and from a made-up result with Jazzer and nightly. */
final class BenchReportTest {
    private static final BenchConfig TINY = new BenchConfig("test", 0.05, 0.1, 1, 2, 1, 50_000, 2, 5, 5, false, false, dev.pinfuzz.campaign.Coverage.STATES);

    private static Set<String> keys(JsonNode n) {
        Set<String> k = new TreeSet<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void aTinyBenchWithoutJazzerOrNightlyWritesEveryKeyOfBenchJson(@TempDir Path work) throws Exception {
        StringWriter log = new StringWriter();
        BenchResult r = new Bench(TINY, work, new PrintWriter(log)).run();
        JsonNode j = new ObjectMapper().readTree(BenchJson.of(r));
        assertEquals(Set.of("schema", "mode", "coverage", "commit", "dirty", "started", "seconds", "machine", "model_throughput",
                "jazzer_exec_per_sec", "jazzer_cost", "time_to_first_finding", "shrunk_length", "nightly_heap", "targets"), keys(j));
        assertEquals(BenchJson.SCHEMA, j.get("schema").asInt());
        assertEquals(Runtime.getRuntime().availableProcessors(), j.get("machine").get("cores").asInt());
        JsonNode model = j.get("model_throughput").get("policies");
        assertEquals(new TreeSet<>(Policies.names()), keys(model));
        for (JsonNode p : model) {
            assertTrue(p.get("programs_per_sec").asDouble() > 0);
            assertEquals(20, p.get("mean_steps").asDouble(), 1.5, "median length about 20 steps");
        }
        assertTrue(j.get("jazzer_exec_per_sec").isNull());
        assertTrue(j.get("jazzer_cost").isNull());
        assertTrue(j.get("nightly_heap").isNull());
        JsonNode cells = j.get("time_to_first_finding").get("cells");
        assertEquals(Set.of("gup-2018 durability", "gup-2018 kernel-bug", "wait-on-pin liveness", "skip-pinned durability"), keys(cells));
        for (JsonNode c : cells) {
            assertEquals(TINY.seeds(), c.get("property").get("per_seed").size());
            assertEquals(Set.of("seed", "ms", "search_ms", "programs", "steps"), keys(c.get("naive").get("per_seed").get(0)));
            assertTrue(c.get("jazzer").isNull());
            assertTrue(c.get("property").get("median_ms").asDouble() >= c.get("property").get("median_search_ms").asDouble());
        }
        assertEquals(4, j.get("shrunk_length").get("wait-on-pin liveness").get("lengths").get(0).asInt() + 2);
        List<String> unmeasured = new ArrayList<>();
        for (JsonNode t : j.get("targets")) if (t.get("met").isNull()) unmeasured.add(t.get("key").asText());
        assertEquals(List.of("exec_share_25", "jazzer_median_30s", "coverage_5x", "heap_512mb", "heap_flat"), unmeasured);
        assertTrue(log.toString().matches("(?s).*pinfuzz bench \\[ *\\d+ s\\]: find wait-on-pin liveness.*"), log.toString());
    }

    /** A made-up run: Jazzer measured (one seed capped), a nightly with a growing Jazzer JVM. */
    private static BenchResult madeUp(int nightlyBudget) {
        List<CellTimes> cells = new ArrayList<>();
        for (Cell c : Cell.ALL) {
            List<Hit> jz = List.of(new Hit(1, 8000, 2000, 40_000, 9), new Hit(2, 9000, 3000, 50_000, 7),
                    c.verdict().spelling().equals("kernel-bug") ? Hit.capped(3, 900_000) : new Hit(3, 10_000, 4000, 60_000, 8));
            cells.add(new CellTimes(c, List.of(new Hit(1, 5, 1, 10, c.minimum()), new Hit(2, 7, 2, 12, c.minimum() + 1)), jz,
                    List.of(new Hit(1, 50, 50, 400, 20), new Hit(2, 70, 70, 600, 21))));
        }
        GcLog flat = GcLog.parse(List.of("[1.0s] GC(0) Pause Full (System.gc()) 20M->10M(64M) 1ms", "[9.0s] GC(1) Pause Full (System.gc()) 20M->11M(64M) 1ms"));
        GcLog growing = GcLog.parse(List.of("[1.0s] GC(0) Pause Young 300M->10M(900M) 1ms", "[9.0s] GC(1) Pause Young 600M->200M(900M) 1ms"));
        NightlyHeap.Result n = new NightlyHeap.Result(nightlyBudget, 0, nightlyBudget + 10, flat, List.of(growing), 1, List.of(80.0, 90.0), 700);
        BenchConfig c = BenchConfig.full();
        return new BenchResult(c, new Machine("0123456789abcdef", false, 2, "JVM", new double[] {1, 2, 3}, new double[] {2, 2, 3}),
                Instant.EPOCH, 600, List.of(new ModelThroughput.Rate("gup-2018", 1000, 20_000, 20, 900)),
                new JazzerRate.Rate("empty", 1_000_000, 100_000, 125_000), List.of(new JazzerRate.Rate("gup-2018", 300_000, 30_000, 40_000)),
                List.of(COST), cells, n);
    }

    /** 10 µs empty; the stages end at 20, 25, 28.57 and 29.41 µs; fuzzing takes 33.33 µs. */
    static final JazzerCost.Breakdown COST = new JazzerCost.Breakdown("gup-2018", 7, 12.5, 100_000,
            List.of(new JazzerCost.StageRate("decode", 50_000), new JazzerCost.StageRate("judge", 40_000),
                    new JazzerCost.StageRate("states", 35_000), new JazzerCost.StageRate("report", 34_000)), 30_000);

    @Test
    void theTableShowsCappedRunsAsTheCapAndJudgesEachTarget() {
        String t = BenchTable.of(madeUp(1800));
        assertTrue(t.contains("commit 0123456789ab,"), t);
        assertTrue(t.contains("9.0 s / > 60 s"), "the kernel-bug median is 9 s, its max the cap:\n" + t);
        assertTrue(t.lines().anyMatch(l -> l.matches("gup-2018\\s+30,000\\s+300,000\\s+30%\\s+40,000\\s+32%")), t);
        assertTrue(t.contains("Jazzer JVMs (1 + 1 helpers)"), t);
        assertTrue(t.lines().anyMatch(l -> l.matches("gup-2018\\s+7\\s+12\\.5\\s+10\\.00\\s+10\\.00\\s+5\\.00\\s+3\\.57\\s+0\\.84\\s+3\\.92\\s+33\\.33\\s+35%")),
                "each stage's µs is what it adds to the one before; judging free leaves 10 / (33.33 - 5) of the empty target:\n" + t);
        assertTrue(t.contains("lowest gup-2018: 30,000 of 100,000 exec/s = 30%; at most 35% if judging cost nothing (steady rates)"), t);
        assertTrue(t.contains("  met          every policy target's Jazzer exec/s >= 25%"), t);
        assertTrue(t.contains("  NOT MET      shrunk length equals the known minimum"), t);
        assertTrue(t.contains("  NOT MET      nightly heap <= 512 MB"), "600 MB in use in a Jazzer JVM:\n" + t);
        assertTrue(t.contains("  NOT MET      nightly heap flat"), "10 MB then 200 MB live:\n" + t);
        assertTrue(t.contains("  NOT MET      coverage guidance"), "Jazzer's 3 s from INITED is slower than naive's 60 ms:\n" + t);
    }

    @Test
    void aNightlyShorterThanThirtyMinutesIsNotJudgedFlat() {
        String t = BenchTable.of(madeUp(60));
        assertTrue(t.contains("  not measured nightly heap flat"), "a 60 s nightly cannot show a 30-minute trend:\n" + t);
        assertTrue(t.contains("not judged: growing over a 70 s run only"), t);
        assertTrue(t.contains("  NOT MET      nightly heap <= 512 MB"), "the peak is judged at any length:\n" + t);
    }

    @Test
    void bench_jsonWritesACappedMedianAsNullAndKeepsEachSeed() throws Exception {
        JsonNode j = new ObjectMapper().readTree(BenchJson.of(madeUp(1800)));
        JsonNode kb = j.get("time_to_first_finding").get("cells").get("gup-2018 kernel-bug").get("jazzer");
        assertEquals(9000, kb.get("median_ms").asDouble(), 1e-9);
        assertTrue(kb.get("max_ms").isNull());
        assertTrue(kb.get("per_seed").get(2).get("ms").isNull());
        assertEquals(900_000, kb.get("per_seed").get(2).get("programs").asLong());
        assertEquals(0.3, j.get("jazzer_exec_per_sec").get("policies").get("gup-2018").get("share_of_empty").asDouble(), 1e-9);
        JsonNode cost = j.get("jazzer_cost").get("policies").get("gup-2018");
        assertEquals(Set.of("decode", "judge", "states", "report"), keys(cost.get("stages")));
        assertEquals(5.0, cost.get("stages").get("judge").get("us").asDouble(), 1e-9);
        assertEquals(40_000, cost.get("stages").get("judge").get("exec_per_sec").asDouble(), 1e-9);
        assertEquals(10 / (1e6 / 30_000 - 5), cost.get("share_of_empty_with_free_model").asDouble(), 1e-3);
        assertEquals(1e6 / 30_000 - 1e6 / 34_000, cost.get("fuzzing_beyond_stages_us").asDouble(), 1e-3);
        assertFalse(j.get("nightly_heap").get("jazzer_children").get("all_flat").asBoolean());
        assertEquals(1, j.get("nightly_heap").get("jazzer_children").get("helpers").asInt());
    }

    @Test
    void libFuzzersExecutionCountIsTheOneItPrintsAfterWritingTheInput() {
        List<String> log = List.of("stat::number_of_executed_units: 5", "artifact_prefix='c/'; Test unit written to c/crash-aa",
                "stat::number_of_executed_units: 10", "artifact_prefix='c/'; Test unit written to c/crash-bb", "DEDUP",
                "stat::number_of_executed_units: 20");
        assertEquals(10, JazzerHunt.executionsAt(log, Path.of("/w/c/crash-aa")));
        assertEquals(20, JazzerHunt.executionsAt(log, Path.of("c/crash-bb")));
        assertEquals(-1, JazzerHunt.executionsAt(log, Path.of("c/crash-cc")));
    }
}
