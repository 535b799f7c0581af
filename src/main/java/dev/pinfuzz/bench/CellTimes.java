package dev.pinfuzz.bench;

import java.util.List;

/**
 * One canary cell's hunts, one {@link Hit} per seed: (a) the property-based engine, (b) Jazzer from a
 * cold start (empty when Jazzer was skipped), (c) naive random programs.
 */
public record CellTimes(Cell cell, List<Hit> property, List<Hit> jazzer, List<Hit> naive) {
    /** To the shrunk finding. */
    public Spread propertySpread() {
        return Spread.of(property, Hit::millis);
    }

    /** To the first violating program, before shrinking. */
    public Spread propertySearchSpread() {
        return Spread.of(property, Hit::searchMillis);
    }

    /** Including the JVM and Jazzer start-up. */
    public Spread jazzerSpread() {
        return Spread.of(jazzer, Hit::millis);
    }

    /** From Jazzer's first status line. */
    public Spread jazzerSearchSpread() {
        return Spread.of(jazzer, Hit::searchMillis);
    }

    public Spread naiveSpread() {
        return Spread.of(naive, Hit::millis);
    }

    /** Programs (executions) run up to the finding, per engine: (a), (b), (c). */
    public Spread propertyTries() {
        return Spread.of(property, Hit::triesOrCap);
    }

    public Spread jazzerTries() {
        return Spread.of(jazzer, Hit::triesOrCap);
    }

    public Spread naiveTries() {
        return Spread.of(naive, Hit::triesOrCap);
    }

    /** Whether every shrunk finding has the known minimum length (false when one was not found). */
    public boolean allMinimal() {
        return !property.isEmpty() && property.stream().allMatch(h -> h.found() && h.steps() == cell.minimum());
    }
}
