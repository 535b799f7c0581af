package dev.pinfuzz.bench;

/**
 * One seed's hunt for one canary cell. Times in milliseconds, +infinity when the cap came first.
 *
 * @param millis wall time to the finding as reported: for Jazzer from the launch of its JVM, for the
 *     property-based engine once shrunk
 * @param searchMillis the search alone: for Jazzer from its first status line ({@code INITED}), for the
 *     property-based engine before shrinking; for naive programs the same as {@code millis}
 * @param tries programs (executions) run up to the finding, -1 when unknown
 * @param steps length of the program that showed it (shrunk, for the property-based engine); -1 when not found
 */
public record Hit(long seed, double millis, double searchMillis, long tries, int steps) {
    public static Hit capped(long seed, long tries) {
        return new Hit(seed, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, tries, -1);
    }

    public boolean found() {
        return Double.isFinite(millis);
    }

    /** Programs run to the finding, +infinity when capped, NaN when unknown. */
    public double triesOrCap() {
        if (!found()) return Double.POSITIVE_INFINITY;
        return tries < 0 ? Double.NaN : tries;
    }
}
