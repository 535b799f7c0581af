package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.JazzerCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text report of a bench run: one table per measurement, then issue #6's targets. */
public final class BenchTable {
    private BenchTable() {}

    public static String of(BenchResult r) {
        BenchConfig c = r.config();
        Machine m = r.machine();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "pinfuzz bench (%s, --coverage %s): commit %s%s, %d cores, %s, load average %s -> %s, %.0f s%n%n",
                c.mode(), c.coverage().spelling(), m.commit() == null ? "unknown" : m.commit().substring(0, Math.min(12, m.commit().length())),
                m.dirty() ? " (uncommitted changes)" : "", m.cores(), m.jvm(), load(m.loadBefore()), load(m.loadAfter()), r.seconds()));
        TextTable model = new TextTable(String.format(Locale.ROOT,
                "Model throughput (one thread, Judge.run, programs of 16..24 steps; %.1f s warm-up, %.1f s timed per policy)",
                c.warmupSeconds(), c.throughputSeconds()), "policy", "programs/s", "steps/s", "mean steps", "with decoding, programs/s");
        for (ModelThroughput.Rate t : r.throughput())
            model.row(t.policy(), Format.count(t.programsPerSecond()), Format.count(t.stepsPerSecond()),
                    String.format(Locale.ROOT, "%.1f", t.meanSteps()), Format.count(t.decodedProgramsPerSecond()));
        sb.append(model).append('\n');
        if (r.jazzerRates() != null) {
            double empty = r.emptyRate().execPerSec();
            double steady = r.emptyRate().steadyExecPerSec();
            TextTable jz = new TextTable(String.format(Locale.ROOT, "Jazzer exec/s (%d s per target, cold start, -seed=1, one at a time; "
                    + "steady: over the run's second half, without start-up and warm-up)", c.rateSeconds()),
                    "target", "exec/s", "executions", "share of empty", "steady exec/s", "steady share");
            jz.row("empty", Format.count(empty), Format.count(r.emptyRate().executions()), "100%", Format.count(steady), "100%");
            for (JazzerRate.Rate t : r.jazzerRates())
                jz.row(t.target(), Format.count(t.execPerSec()), Format.count(t.executions()),
                        Format.percent(empty > 0 ? t.execPerSec() / empty : Double.NaN), Format.count(t.steadyExecPerSec()),
                        Format.percent(steady > 0 ? t.steadyExecPerSec() / steady : Double.NaN));
            sb.append(jz).append('\n');
            if (r.jazzerCosts() != null && !r.jazzerCosts().isEmpty()) sb.append(costs(r)).append('\n');
        }
        sb.append(times(r)).append('\n');
        TextTable shrunk = new TextTable("Shrunk length (property-based engine, seeds 1.." + c.seeds() + ")",
                "cell", "known minimum", "shrunk lengths", "all minimal");
        for (CellTimes t : r.cells())
            shrunk.row(t.cell().name(), String.valueOf(t.cell().minimum()),
                    t.property().stream().map(h -> h.found() ? String.valueOf(h.steps()) : "-").collect(Collectors.joining(" ")),
                    t.allMinimal() ? "yes" : "NO");
        sb.append(shrunk).append('\n');
        if (r.nightly() != null) sb.append(heap(r.nightly())).append('\n');
        sb.append("Issue #6 targets\n");
        for (Targets.Target t : Targets.of(r).list())
            sb.append(String.format(Locale.ROOT, "  %-12s %s%n  %-12s %s%n", t.met() == null ? "not measured" : t.met() ? "met" : "NOT MET",
                    t.goal(), "", t.figure()));
        return sb.toString();
    }

    private static String costs(BenchResult r) {
        List<String> stages = JazzerCommand.REPLAY_STAGES;
        List<String> head = new ArrayList<>(List.of("target", "inputs", "mean steps", "empty"));
        head.addAll(stages);
        head.addAll(List.of("fuzzing beyond", "fuzzing", "share if judging were free"));
        TextTable t = new TextTable(String.format(Locale.ROOT, "Where a Jazzer execution goes, µs: each policy's exec/s corpus replayed "
                + "up to each stage, %d s per stage (a stage's figure is what it adds to the one before)", r.config().costSeconds()),
                head.toArray(new String[0]));
        for (JazzerCost.Breakdown b : r.jazzerCosts()) {
            List<String> row = new ArrayList<>(List.of(b.policy(), String.valueOf(b.inputs()),
                    String.format(Locale.ROOT, "%.1f", b.meanSteps()), micros(b.emptyMicros())));
            for (String s : stages) row.add(micros(b.stageMicros(s)));
            row.addAll(List.of(micros(b.fuzzingOverheadMicros()), micros(b.fuzzingMicros()), Format.percent(b.shareWithFreeModel())));
            t.row(row.toArray(new String[0]));
        }
        return t.toString();
    }

    private static String micros(double us) {
        return Double.isNaN(us) ? "-" : String.format(Locale.ROOT, "%.2f", us);
    }

    private static String times(BenchResult r) {
        BenchConfig c = r.config();
        String jcap = Bench.capSeconds(c.jazzerCapSeconds()), ncap = Bench.capSeconds(c.naiveCapSeconds()), pcap = Bench.cap(c.propertyTries());
        boolean jz = r.cells().stream().anyMatch(t -> !t.jazzer().isEmpty());
        TextTable t = new TextTable(String.format(Locale.ROOT, "Time to the first finding, median / max: (a) property-based, seeds 1..%d; "
                        + "(b) Jazzer cold start, -seed=1..%d; (c) naive random, seeds 1..%d", c.seeds(), jz ? c.jazzerSeeds() : 0, c.seeds()),
                "cell", "(a) shrunk", "(a) unshrunk", "(b) with start-up", "(b) from INITED", "(c) naive");
        TextTable q = new TextTable("Naive over the engines, medians: times, then programs (executions) run to the finding",
                "cell", "(c)/(a) time", "(c)/(b) time", "(c)/(b) from INITED",
                "programs (a)", "executions (b)", "programs (c)", "(c)/(a)", "(c)/(b)");
        for (CellTimes x : r.cells()) {
            t.row(x.cell().name(), Format.spread(x.propertySpread(), pcap), Format.spread(x.propertySearchSpread(), pcap),
                    jz ? Format.spread(x.jazzerSpread(), jcap) : "-", jz ? Format.spread(x.jazzerSearchSpread(), jcap) : "-",
                    Format.spread(x.naiveSpread(), ncap));
            double n = x.naiveSpread().median(), np = x.naiveTries().median();
            q.row(x.cell().name(), Format.ratio(Spread.ratio(n, x.propertySpread().median())),
                    jz ? Format.ratio(Spread.ratio(n, x.jazzerSpread().median())) : "-",
                    jz ? Format.ratio(Spread.ratio(n, x.jazzerSearchSpread().median())) : "-",
                    programs(x.propertyTries()), jz ? programs(x.jazzerTries()) : "-", programs(x.naiveTries()),
                    Format.ratio(Spread.ratio(np, x.propertyTries().median())),
                    jz ? Format.ratio(Spread.ratio(np, x.jazzerTries().median())) : "-");
        }
        return t + "\n" + q;
    }

    private static String programs(Spread s) {
        if (Double.isNaN(s.median())) return "-";
        return Double.isInfinite(s.median()) ? "capped" : Format.count(s.median());
    }

    private static String heap(NightlyHeap.Result n) {
        TextTable t = new TextTable(String.format(Locale.ROOT, "Nightly heap (nightly --budget %ds --no-merge, a child process: exit %d after %.0f s)",
                n.budgetSeconds(), n.exitCode(), n.wallSeconds()),
                "JVM", "peak in use", "peak live", "peak committed", "peak RSS", "live set by fifth of the run", "flat");
        GcLog o = n.orchestrator();
        t.row("orchestrator", Format.mb(o.peakUsedMb()), Format.mb(o.peakLiveMb()), Format.mb(o.peakCommittedMb()),
                Format.mb(n.rssMb().stream().mapToDouble(Double::doubleValue).max().orElse(0)), series(o.liveBySlice(5)), o.flat() ? "yes" : "NO");
        var cs = n.children();
        GcLog longest = cs.stream().max((a, b) -> Double.compare(a.seconds(), b.seconds())).orElse(new GcLog(java.util.List.of()));
        t.row("Jazzer JVMs (" + cs.size() + (n.helpers() > 0 ? " + " + n.helpers() + " helpers" : "") + ")", Format.mb(cs.stream().mapToDouble(GcLog::peakUsedMb).max().orElse(0)),
                Format.mb(cs.stream().mapToDouble(GcLog::peakLiveMb).max().orElse(0)),
                Format.mb(cs.stream().mapToDouble(GcLog::peakCommittedMb).max().orElse(0)), Format.mb(n.childPeakRssMb()),
                series(longest.liveBySlice(5)) + " (longest)", cs.stream().allMatch(GcLog::flat) ? "yes" : "NO");
        return t.toString();
    }

    /** Fifths of a run, MB; "." where no collection ran. */
    private static String series(double[] mb) {
        StringBuilder sb = new StringBuilder();
        for (double v : mb) sb.append(sb.length() == 0 ? "" : " ").append(v < 0 ? "." : String.format(Locale.ROOT, "%.0f", v));
        return sb.toString();
    }

    private static String load(double[] l) {
        if (l == null) return "?";
        StringBuilder sb = new StringBuilder();
        for (double v : l) sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
        return sb.toString();
    }
}
