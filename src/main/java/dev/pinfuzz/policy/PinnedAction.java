package dev.pinfuzz.policy;

/** What writeback does with a dirty page that carries {@code FOLL_PIN} pins. */
public enum PinnedAction {
    /** Clean and write it as if it were not pinned (the kernel before pin tracking). */
    WRITE,
    /** Wait in {@code folio_clear_dirty_for_io()} for the pins to drop, page lock held, dirty bit set. */
    WAIT,
    /** Leave it dirty and unwritten; the sync still returns 0. */
    SKIP,
    /** Write-protect the PTEs, write a snapshot copy, leave the page dirty. */
    BOUNCE,
    /** Leave it dirty and unwritten; the data-integrity sync returns {@code -EBUSY}. */
    FAIL
}
