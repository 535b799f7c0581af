package dev.pinfuzz.policy;

/** fsync writes the unpinned pages and returns {@code -EBUSY} when a dirty page of the file is pinned. */
public final class FailFsync implements WritebackPolicy {
    public String name() { return "fail-fsync"; }

    public String description() { return "pinned dirty pages stay dirty; fsync returns -EBUSY"; }

    public PinnedAction onPinnedDirty(boolean integrity) {
        return integrity ? PinnedAction.FAIL : PinnedAction.SKIP;
    }
}
