package dev.pinfuzz.policy;

/** Writeback writes a snapshot copy of a pinned page and leaves it dirty. */
public final class BouncePinned implements WritebackPolicy {
    public String name() { return "bounce-pinned"; }

    public String description() {
        return "writeback write-protects, writes a bounce copy of a pinned page, leaves it dirty";
    }

    public PinnedAction onPinnedDirty(boolean integrity) { return PinnedAction.BOUNCE; }
}
