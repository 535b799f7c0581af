package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.FuzzClasspath;
import dev.pinfuzz.campaign.JazzerCommand;
import dev.pinfuzz.policy.Policies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the measurements of {@code pinfuzz bench} in order, one at a time (so they do not compete for
 * the cores): model throughput, time to the first finding in this JVM ((a) property-based, (c) naive),
 * Jazzer exec/s and where an execution's time goes, Jazzer's time to find ((b)), and a short nightly's heap. Progress goes to {@code log}.
 */
public final class Bench {
    private final BenchConfig c;
    private final Path work;
    private final PrintWriter log;
    private long t0 = System.nanoTime();

    /** @param work a scratch directory for Jazzer's corpora, crashes and logs and the nightly run */
    public Bench(BenchConfig c, Path work, PrintWriter log) {
        this.c = c;
        this.work = work;
        this.log = log;
    }

    public BenchResult run() throws IOException, InterruptedException, FuzzClasspath.NotFound {
        JazzerCommand cmd = c.jazzer() ? new JazzerCommand(JazzerCommand.currentJava(), FuzzClasspath.find(), c.coverage()) : null;
        Machine machine = Machine.now();
        Instant started = Instant.now();
        t0 = System.nanoTime();
        List<ModelThroughput.Rate> throughput = ModelThroughput.measure(List.copyOf(Policies.names()), c.warmupSeconds(), c.throughputSeconds());
        for (ModelThroughput.Rate r : throughput)
            note("model %-16s %,.0f programs/s, %,.0f steps/s", r.policy(), r.programsPerSecond(), r.stepsPerSecond());
        Map<Cell, List<Hit>> property = new LinkedHashMap<>(), naive = new LinkedHashMap<>(), jazzer = new LinkedHashMap<>();
        for (Cell cell : Cell.ALL) {
            List<Hit> a = new ArrayList<>(), n = new ArrayList<>();
            for (long s = 1; s <= c.seeds(); s++) a.add(InProcessHunts.property(cell, s, c.propertyTries()));
            for (long s = 1; s <= c.seeds(); s++) n.add(InProcessHunts.naive(cell, s, c.naiveCapSeconds()));
            property.put(cell, a);
            naive.put(cell, n);
            jazzer.put(cell, new ArrayList<>());
            note("find %-24s property %s, naive %s", cell.name(), Format.spread(Spread.of(a, Hit::millis), cap(c.propertyTries())),
                    Format.spread(Spread.of(n, Hit::millis), capSeconds(c.naiveCapSeconds())));
        }
        JazzerRate.Rate empty = null;
        List<JazzerRate.Rate> rates = null;
        List<JazzerCost.Breakdown> costs = null;
        if (cmd != null) {
            empty = JazzerRate.measure(cmd, null, c.rateSeconds(), work.resolve("rate/empty"));
            note("jazzer %-15s %,.0f exec/s", "empty", empty.execPerSec());
            rates = new ArrayList<>();
            for (String p : Policies.names()) {
                JazzerRate.Rate r = JazzerRate.measure(cmd, p, c.rateSeconds(), work.resolve("rate/" + p));
                note("jazzer %-15s %,.0f exec/s", p, r.execPerSec());
                rates.add(r);
            }
            costs = new ArrayList<>();
            List<JazzerRate.Rate> priced = c.costEveryPolicy() ? rates
                    : List.of(JazzerRate.slowest(rates));
            for (JazzerRate.Rate r : priced) {
                JazzerCost.Breakdown b = JazzerCost.measure(cmd, c.coverage(), r.target(), work.resolve("rate/" + r.target() + "/corpus"),
                        empty, r, c.costSeconds(), work.resolve("cost/" + r.target()));
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < b.stages().size(); i++)
                    sb.append(String.format(Locale.ROOT, ", %s %.2f", b.stages().get(i).stage(), b.stageMicros(i)));
                note("jazzer %-15s µs per execution: empty %.2f%s, fuzzing beyond them %.2f", r.target(), b.emptyMicros(), sb,
                        b.fuzzingOverheadMicros());
                costs.add(b);
            }
            for (String p : canaryPolicies())
                for (long s = 1; s <= c.jazzerSeeds(); s++) {
                    List<Cell> cells = Cell.ALL.stream().filter(x -> x.policy().equals(p)).toList();
                    Map<Cell, Hit> hits = JazzerHunt.run(cmd, p, cells, s, c.jazzerCapSeconds(), work.resolve("hunt/" + p + "-" + s));
                    hits.forEach((cell, h) -> jazzer.get(cell).add(h));
                    StringBuilder sb = new StringBuilder();
                    hits.forEach((cell, h) -> sb.append(' ').append(cell.verdict().spelling()).append(' ')
                            .append(Format.millis(h.millis(), capSeconds(c.jazzerCapSeconds()))));
                    note("jazzer %s -seed=%d:%s", p, s, sb);
                }
        }
        List<CellTimes> cells = new ArrayList<>();
        for (Cell cell : Cell.ALL) cells.add(new CellTimes(cell, property.get(cell), jazzer.get(cell), naive.get(cell)));
        NightlyHeap.Result nightly = null;
        if (c.nightly()) {
            note("nightly --budget %ds (a child process; its heap is logged)...", c.nightlySeconds());
            nightly = NightlyHeap.run(c.nightlySeconds(), c.coverage(), work.resolve("nightly"));
            note("nightly exit %d after %.0f s: orchestrator peak %.0f MB, jazzer peak %.0f MB", nightly.exitCode(),
                    nightly.wallSeconds(), nightly.orchestrator().peakUsedMb(),
                    nightly.children().stream().mapToDouble(GcLog::peakUsedMb).max().orElse(0));
        }
        return new BenchResult(c, machine.finished(), started, (System.nanoTime() - t0) / 1e9, throughput, empty, rates, costs, cells, nightly);
    }

    private static List<String> canaryPolicies() {
        return Cell.ALL.stream().map(Cell::policy).distinct().toList();
    }

    static String cap(int tries) {
        return "> " + tries + " tries";
    }

    static String capSeconds(double s) {
        return String.format(Locale.ROOT, "> %.0f s", s);
    }

    private void note(String fmt, Object... args) {
        log.println(String.format(Locale.ROOT, "pinfuzz bench [%4.0f s]: ", (System.nanoTime() - t0) / 1e9)
                + String.format(Locale.ROOT, fmt, args));
        log.flush();
    }
}
