package dev.pinfuzz.policy;

/** Writeback skips pinned pages and fsync still returns 0. */
public final class SkipPinned implements WritebackPolicy {
    public String name() { return "skip-pinned"; }

    public String description() { return "writeback skips pinned pages; fsync returns 0"; }

    public PinnedAction onPinnedDirty(boolean integrity) { return PinnedAction.SKIP; }
}
