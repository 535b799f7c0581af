package dev.pinfuzz.mm;

import java.util.ArrayDeque;

/**
 * A task: its {@code MAP_SHARED} mappings (one PTE per page with present/writable/dirty bits),
 * its queue of lines behind a suspended step, and the progress of that step.
 */
final class Task {
    static final byte PTE_PRESENT = 1, PTE_WRITE = 2, PTE_DIRTY = 4;
    /** Pseudo step index of an exit at the end of the program. */
    static final int FINAL_EXIT = -2;

    final int idx;
    /** [file][page] PTE bits; a null row = the file is not mapped by this task. */
    final byte[][] pte;
    final ArrayDeque<Integer> queue = new ArrayDeque<>();
    /** Step index being run (suspended), -1 when idle. */
    int running = -1;
    long suspendedSeq;
    /** What the suspended step waits for: the folio, and whether for its lock or its pins. */
    Folio waitFolio;
    boolean waitPins;
    /** Progress of the running step. */
    int cur, cur2;
    /**
     * Integrity writeback: the folios of file {@code taggedFile} that were dirty when its pass
     * began, by index below {@code taggedSpan}, as {@code tag_pages_for_writeback()} marks them
     * {@code PAGECACHE_TAG_TOWRITE}. Folios, not indices: a page truncated away and made again
     * while the pass waits is a new page, untagged (its xarray entry and mark went with it).
     */
    Folio[] tagged;
    int taggedFile = -1, taggedSpan;
    boolean started, flag;
    boolean exited, dead, seen;
    /** Order of first appearance since the last {@code crash()}: the final exits go in this order. */
    int born;
    /** The handles this task's GUPs made, in index order (a task's lines run in order): what its exit releases. */
    int[] owned;
    int ownedCount;

    Task(int idx, int files) {
        this.idx = idx;
        this.pte = new byte[files][];
    }

    void own(int handle) {
        if (owned == null) owned = new int[4];
        else if (ownedCount == owned.length) owned = java.util.Arrays.copyOf(owned, 2 * ownedCount);
        owned[ownedCount++] = handle;
    }

    boolean suspended() {
        return running != -1;
    }

    void resetProgress() {
        cur = cur2 = 0;
        taggedFile = -1;
        started = flag = false;
        waitFolio = null;
        waitPins = false;
    }
}
