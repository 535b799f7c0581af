package dev.pinfuzz.policy;

/**
 * Linux 6.5 {@code writable_file_mapping_allowed()} (mm/gup.c): {@code FOLL_PIN|FOLL_LONGTERM|FOLL_WRITE}
 * on a dirty-tracked shared file mapping fails with {@code -EFAULT}; writeback is plain.
 */
public final class RefuseLongterm implements WritebackPolicy {
    static final int EFAULT = 14;

    public String name() { return "refuse-longterm"; }

    public String description() {
        return "Linux >= 6.5: FOLL_PIN|FOLL_LONGTERM|FOLL_WRITE on an ext4 shared mapping fails with -EFAULT";
    }

    @Override
    public int admitGup(boolean pin, boolean write, boolean longterm, boolean dirtyTracked) {
        return pin && write && longterm && dirtyTracked ? -EFAULT : 0;
    }

    public PinnedAction onPinnedDirty(boolean integrity) { return PinnedAction.WRITE; }
}
