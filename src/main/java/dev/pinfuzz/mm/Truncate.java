package dev.pinfuzz.mm;

import dev.pinfuzz.program.Op;

/**
 * {@code truncate(F, SIZE)}: {@code truncate_setsize()} then
 * {@code truncate_inode_pages_range()} (mm/truncate.c).
 */
final class Truncate {
    private static final int PAGE = Inode.PAGE;

    private Truncate() {}

    /**
     * The real truncate holds {@code i_rwsem} and {@code invalidate_lock} throughout, so no
     * write(2) or fault interleaves with it. The model gets the same atomicity by waiting, before
     * changing anything, until no other task holds the lock of a page it must zero or remove;
     * then it runs to completion within the step.
     *
     * <p>Sets {@code i_size}; when shrinking, frees the blocks past it (they read as zero), zeroes
     * the tail of the partial page, and removes every page wholly past it from the page cache:
     * unmapped, cleaned, buffers stripped. A page something still references (a pin, a GUP
     * reference) lives on as an orphan: DMA into it never reaches the file.
     */
    static long run(Kernel k, Task t, Op.Truncate tr, int stamp) {
        Inode f = k.files[tr.file()];
        int size = tr.size();
        if (size >= f.size) {
            f.size = size;
            return 0;
        }
        for (int p = size / PAGE; p < f.pages(); p++) {
            Folio x = f.cache[p];
            if (x != null && !k.trylock(t, x)) return k.blockOnLock(t, x);
            if (x != null) k.unlock(x);
        }
        f.size = size;
        f.diskZero(size, f.decl.bytes(), stamp);
        for (int p = size / PAGE; p < f.pages(); p++) {
            Folio x = f.cache[p];
            if (x == null) continue;
            if (p * PAGE < size) {
                x.data.fill(size - p * PAGE, PAGE, stamp, 0); // folio_zero_range
                continue;
            }
            k.unmapAll(x);
            x.dirty = false; // folio_cancel_dirty
            if (x.buffers) {
                x.buffers = false;
                x.refcount--;
            }
            f.cache[p] = null;
            x.inCache = false;
            x.refcount--; // the page cache's reference
            if (x.refcount > 0) k.orphans.add(x);
            else if (x.refcount < 0) k.warn(t, "refcount underflow on truncated " + k.page(x));
        }
        return 0;
    }
}
