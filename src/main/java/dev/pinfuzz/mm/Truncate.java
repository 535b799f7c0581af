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
     * Sets {@code i_size}; when shrinking, frees the blocks past it (they read as zero), zeroes
     * the tail of the partial page, and removes every page wholly past it from the page cache:
     * locked, unmapped, cleaned, buffers stripped. A page something still references (a pin, a
     * GUP reference) lives on as an orphan: DMA into it never reaches the file.
     * {@code t.cur} is the next page.
     */
    static long run(Kernel k, Task t, Op.Truncate tr, int stamp) {
        Inode f = k.files[tr.file()];
        int size = tr.size();
        if (!t.started) {
            t.started = true;
            int old = f.size;
            f.size = size;
            if (size >= old) return 0;
            f.diskZero(size, f.decl.bytes(), stamp);
            t.cur = size / PAGE;
            t.flag = true;
        }
        if (!t.flag) return 0;
        for (; t.cur < f.pages(); t.cur++) {
            Folio x = f.cache[t.cur];
            if (x == null) continue;
            if (!k.trylock(t, x)) return k.blockOnLock(t, x);
            if (t.cur * PAGE < size) {
                x.data.fill(size - t.cur * PAGE, PAGE, stamp, 0); // folio_zero_range
                k.unlock(x);
                continue;
            }
            k.unmapAll(x);
            x.dirty = false; // folio_cancel_dirty
            if (x.buffers) {
                x.buffers = false;
                x.refcount--;
            }
            f.cache[t.cur] = null;
            x.inCache = false;
            k.unlock(x);
            x.refcount--; // the page cache's reference
            if (x.refcount > 0) k.orphans.add(x);
            else if (x.refcount < 0) k.warn(t, "refcount underflow on truncated " + k.page(x));
        }
        return 0;
    }
}
