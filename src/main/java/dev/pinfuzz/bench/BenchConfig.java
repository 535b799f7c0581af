package dev.pinfuzz.bench;

import dev.pinfuzz.campaign.Coverage;

/**
 * How long and how often {@code pinfuzz bench} measures. {@link #full()} takes about ten minutes on two
 * cores, {@link #quick()} about three; tests use a tiny one without Jazzer and nightly.
 *
 * @param warmupSeconds model throughput: warm-up per policy, before it is timed
 * @param throughputSeconds model throughput: timed seconds per policy
 * @param rateSeconds Jazzer exec/s: fuzzing seconds per target
 * @param seeds time to find: seeds 1..N of the property-based engine and of the naive generator
 * @param jazzerSeeds time to find: libFuzzer seeds 1..N (one cold Jazzer run each per canary policy)
 * @param propertyTries the property-based engine's cap, in programs
 * @param naiveCapSeconds the naive generator's cap per seed
 * @param jazzerCapSeconds Jazzer's cap per run ({@code -max_total_time})
 * @param nightlySeconds the budget of the measured {@code nightly} run
 * @param coverage what Jazzer counts as coverage, in the exec/s and time-to-find runs and the nightly
 */
public record BenchConfig(String mode, double warmupSeconds, double throughputSeconds, int rateSeconds, int seeds,
                          int jazzerSeeds, int propertyTries, double naiveCapSeconds, int jazzerCapSeconds,
                          int nightlySeconds, boolean jazzer, boolean nightly, Coverage coverage) {
    public static BenchConfig full() {
        return new BenchConfig("full", 2, 3, 15, 10, 10, 200_000, 30, 60, 60, true, true, Coverage.STATES);
    }

    public static BenchConfig quick() {
        return new BenchConfig("quick", 1, 1, 5, 10, 3, 200_000, 10, 30, 20, true, true, Coverage.STATES);
    }

    /** Seconds per stage when {@link JazzerCost} replays a policy's corpus: half the exec/s run, at least 5. */
    public int costSeconds() {
        return Math.max(5, (rateSeconds + 1) / 2);
    }

    /** Whether every policy's Jazzer execution is split into stages ({@link JazzerCost}), or only the slowest one's (quick). */
    public boolean costEveryPolicy() {
        return !mode.equals("quick");
    }

    public BenchConfig withJazzer(boolean on) {
        return new BenchConfig(mode, warmupSeconds, throughputSeconds, rateSeconds, seeds, jazzerSeeds, propertyTries,
                naiveCapSeconds, jazzerCapSeconds, nightlySeconds, on, nightly, coverage);
    }

    public BenchConfig withNightly(boolean on, int seconds) {
        return new BenchConfig(mode, warmupSeconds, throughputSeconds, rateSeconds, seeds, jazzerSeeds, propertyTries,
                naiveCapSeconds, jazzerCapSeconds, seconds, jazzer, on, coverage);
    }

    public BenchConfig withSeeds(int n, int jazzerN) {
        return new BenchConfig(mode, warmupSeconds, throughputSeconds, rateSeconds, n, jazzerN, propertyTries,
                naiveCapSeconds, jazzerCapSeconds, nightlySeconds, jazzer, nightly, coverage);
    }

    public BenchConfig withCaps(int tries, double naiveSeconds, int jazzerSeconds) {
        return new BenchConfig(mode, warmupSeconds, throughputSeconds, rateSeconds, seeds, jazzerSeeds, tries,
                naiveSeconds, jazzerSeconds, nightlySeconds, jazzer, nightly, coverage);
    }

    public BenchConfig withCoverage(Coverage c) {
        return new BenchConfig(mode, warmupSeconds, throughputSeconds, rateSeconds, seeds, jazzerSeeds, propertyTries,
                naiveCapSeconds, jazzerCapSeconds, nightlySeconds, jazzer, nightly, c);
    }

    public BenchConfig withTimes(double warmup, double throughput, int rate) {
        return new BenchConfig(mode, warmup, throughput, rate, seeds, jazzerSeeds, propertyTries,
                naiveCapSeconds, jazzerCapSeconds, nightlySeconds, jazzer, nightly, coverage);
    }
}
