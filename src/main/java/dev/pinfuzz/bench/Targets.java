package dev.pinfuzz.bench;

import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Issue #6's targets, judged on one bench run. {@code met} is null when the run did not measure it. */
public record Targets(List<Target> list) {
    public record Target(String key, String goal, String figure, Boolean met) {}

    static final double MIN_SHARE = 0.25, PROPERTY_MS = 1000, JAZZER_MS = 30_000, COVERAGE_GAIN = 5, HEAP_MB = 512;
    /** The nightly heap must stay flat over a run this long (issue #6: 30 minutes). */
    static final int FLAT_SECONDS = 30 * 60;

    public static Targets of(BenchResult r) {
        List<Target> t = new ArrayList<>();
        t.add(share(r));
        double worst = r.cells().stream().mapToDouble(c -> c.propertySpread().median()).max().orElse(Double.NaN);
        t.add(new Target("property_median_1s", "every canary cell found in <= 1 s median by the property-based engine",
                "slowest median " + Format.millis(worst, "not found"), Double.isNaN(worst) ? null : worst <= PROPERTY_MS));
        t.add(jazzer(r));
        t.add(coverage(r));
        long minimal = r.cells().stream().filter(CellTimes::allMinimal).count();
        t.add(new Target("shrunk_minimal", "shrunk length equals the known minimum in every cell",
                minimal + " of " + r.cells().size() + " cells minimal in every seed", minimal == r.cells().size()));
        t.addAll(heap(r));
        return new Targets(List.copyOf(t));
    }

    private static Target share(BenchResult r) {
        String goal = "every policy target's Jazzer exec/s >= 25% of the empty target's";
        if (r.jazzerRates() == null || r.emptyRate() == null || r.emptyRate().execPerSec() <= 0)
            return new Target("exec_share_25", goal, "not measured", null);
        JazzerRate.Rate low = JazzerRate.slowest(r.jazzerRates());
        double share = low.execPerSec() / r.emptyRate().execPerSec();
        String figure = String.format(Locale.ROOT, "lowest %s: %s of %s exec/s = %s", low.target(),
                Format.count(low.execPerSec()), Format.count(r.emptyRate().execPerSec()), Format.percent(share));
        if (r.jazzerCosts() != null)
            for (JazzerCost.Breakdown b : r.jazzerCosts())
                if (b.policy().equals(low.target()))
                    figure += "; at most " + Format.percent(b.shareWithFreeModel()) + " if judging cost nothing (steady rates)";
        return new Target("exec_share_25", goal, figure, share >= MIN_SHARE);
    }

    private static Target jazzer(BenchResult r) {
        String goal = "every canary cell found in <= 30 s median by Jazzer (cold start, JVM start-up included)";
        if (r.jazzerRates() == null) return new Target("jazzer_median_30s", goal, "not measured", null);
        CellTimes worst = null;
        for (CellTimes c : r.cells())
            if (worst == null || c.jazzerSpread().median() > worst.jazzerSpread().median()) worst = c;
        Spread s = worst.jazzerSpread();
        String cap = Bench.capSeconds(r.config().jazzerCapSeconds());
        return new Target("jazzer_median_30s", goal, "slowest: " + worst.cell().name() + " median " + Format.millis(s.median(), cap)
                + ", max " + Format.millis(s.max(), cap), s.median() <= JAZZER_MS);
    }

    private static Target coverage(BenchResult r) {
        String goal = "coverage guidance finds gup-2018 kernel-bug >= 5x faster than plain random (median, Jazzer from INITED)";
        CellTimes c = r.cells().stream().filter(x -> x.cell().policy().equals("gup-2018") && x.cell().verdict() == Verdict.KERNEL_BUG)
                .findFirst().orElseThrow();
        if (c.jazzer().isEmpty()) return new Target("coverage_5x", goal, "not measured", null);
        double naive = c.naiveSpread().median(), fuzz = c.jazzerSearchSpread().median(), total = c.jazzerSpread().median();
        double gain = Spread.ratio(naive, fuzz);
        String cap = Bench.capSeconds(r.config().jazzerCapSeconds());
        String fig = "naive " + Format.millis(naive, Bench.capSeconds(r.config().naiveCapSeconds())) + ", Jazzer "
                + Format.millis(fuzz, cap) + " from INITED (" + Format.millis(total, cap) + " with start-up): naive/Jazzer = "
                + Format.ratio(gain) + " (" + Format.ratio(Spread.ratio(naive, total)) + " with start-up)";
        return new Target("coverage_5x", goal, fig, Double.isNaN(gain) ? null : gain >= COVERAGE_GAIN);
    }

    private static List<Target> heap(BenchResult r) {
        String goalHeap = "nightly heap <= 512 MB (peak in use, orchestrator and every Jazzer JVM)";
        String goalFlat = "nightly heap flat over a 30-minute run (live set after GC, second half vs first half)";
        NightlyHeap.Result n = r.nightly();
        if (n == null) return List.of(new Target("heap_512mb", goalHeap, "not measured", null), new Target("heap_flat", goalFlat, "not measured", null));
        double child = n.children().stream().mapToDouble(GcLog::peakUsedMb).max().orElse(0);
        double peak = Math.max(n.orchestrator().peakUsedMb(), child);
        boolean flat = n.orchestrator().flat() && n.children().stream().allMatch(GcLog::flat);
        return List.of(
                new Target("heap_512mb", goalHeap, String.format(Locale.ROOT, "orchestrator %s, Jazzer JVMs up to %s (budget %d s)",
                        Format.mb(n.orchestrator().peakUsedMb()), Format.mb(child), n.budgetSeconds()), peak <= HEAP_MB),
                heapFlat(goalFlat, flat, n));
    }

    /** Judged only over a budget of 30 minutes or more: a shorter run cannot show the 30-minute trend. */
    private static Target heapFlat(String goal, boolean flat, NightlyHeap.Result n) {
        String trend = flat ? "flat" : "growing";
        if (n.budgetSeconds() >= FLAT_SECONDS)
            return new Target("heap_flat", goal, String.format(Locale.ROOT, "%s over a %.0f s run", trend, n.wallSeconds()), flat);
        return new Target("heap_flat", goal, String.format(Locale.ROOT,
                "not judged: %s over a %.0f s run only (--nightly-budget 30m runs the 30 minutes)", trend, n.wallSeconds()), null);
    }
}
