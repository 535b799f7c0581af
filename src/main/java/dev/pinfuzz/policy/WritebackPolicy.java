package dev.pinfuzz.policy;

/**
 * A writeback-vs-pin strategy: the few decisions where the 2018 proposals differ. The model
 * asks it; everything else (faults, locks, reclaim, truncate) is the same kernel for all.
 * Implement this, register it in {@link Policies}, and it can be replayed and fuzzed by name.
 */
public interface WritebackPolicy {
    /** The name used by {@code policy NAME} lines and {@code --policy}. */
    String name();

    /** One line for the README and {@code --help}. */
    String description();

    /**
     * Whether {@code pin_user_pages} is tracked ({@code FOLL_PIN}, +1024 per pin). When false
     * (the 2018 kernel), pins are plain {@code FOLL_GET} references, unpin is {@code put_page},
     * and writeback and reclaim cannot tell a pinned page from any other.
     */
    default boolean tracksPins() {
        return true;
    }

    /**
     * Admission check in {@code check_vma_flags()} (mm/gup.c): 0 to allow the GUP, or a negative
     * errno to refuse it.
     *
     * @param pin {@code FOLL_PIN} (else {@code FOLL_GET})
     * @param dirtyTracked the mapping is a shared mapping of a file whose writeback tracks dirty
     *        pages (ext4), as opposed to tmpfs
     */
    default int admitGup(boolean pin, boolean write, boolean longterm, boolean dirtyTracked) {
        return 0;
    }

    /**
     * What writeback does with a dirty page that has {@code FOLL_PIN} pins. Only asked when
     * {@link #tracksPins()}.
     *
     * @param integrity data-integrity writeback ({@code WB_SYNC_ALL}: fsync, sync) rather than
     *        background writeback ({@code WB_SYNC_NONE})
     */
    PinnedAction onPinnedDirty(boolean integrity);

    /**
     * The same question with the page in view (how many pins, how many long-term), for a policy
     * that treats pins differently. The model calls this one; by default it asks
     * {@link #onPinnedDirty(boolean)}.
     */
    default PinnedAction onPinnedDirty(boolean integrity, PinnedPage page) {
        return onPinnedDirty(integrity);
    }
}
