package dev.pinfuzz.bench;

import java.time.Instant;
import java.util.List;

/**
 * Everything one {@code pinfuzz bench} measured. {@code emptyRate}, {@code jazzerRates} and
 * {@code jazzerCosts} are null when Jazzer was skipped, {@code nightly} when the nightly run was.
 */
public record BenchResult(BenchConfig config, Machine machine, Instant started, double seconds,
                          List<ModelThroughput.Rate> throughput, JazzerRate.Rate emptyRate, List<JazzerRate.Rate> jazzerRates,
                          List<JazzerCost.Breakdown> jazzerCosts, List<CellTimes> cells, NightlyHeap.Result nightly) {}
