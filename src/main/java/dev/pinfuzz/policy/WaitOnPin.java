package dev.pinfuzz.policy;

/** fsync waits in {@code clear_page_dirty_for_io()} until the page is unpinned; background writeback skips it. */
public final class WaitOnPin implements WritebackPolicy {
    public String name() { return "wait-on-pin"; }

    public String description() {
        return "data-integrity writeback waits (page lock held) for the pins to drop; background writeback skips";
    }

    public PinnedAction onPinnedDirty(boolean integrity) {
        return integrity ? PinnedAction.WAIT : PinnedAction.SKIP;
    }
}
