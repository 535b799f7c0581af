package dev.pinfuzz.mm;

/** One memory-pressure pass ({@code shrink_folio_list()}, mm/vmscan.c) over every cached page. */
final class Reclaim {
    private Reclaim() {}

    /**
     * A dirty, locked or under-writeback page is left alone; under a pin-tracking policy so is a
     * pinned page. Otherwise the page is unmapped, its buffers are stripped
     * ({@code try_to_release_page()}), and it leaves the page cache only if the cache's is the
     * last reference: a GUP reference keeps it, buffer-less.
     */
    static long run(Kernel k, Task t) {
        long freed = 0;
        for (Inode f : k.files) {
            for (int p = 0; p < f.cacheSpan; p++) {
                Folio x = f.cache[p];
                if (x == null || x.dirty || x.locked() || x.writeback) continue;
                if (k.policy.tracksPins() && x.maybeDmaPinned()) continue;
                k.unmapAll(x);
                if (x.buffers) {
                    x.buffers = false;
                    x.refcount--;
                }
                if (x.refcount == 1) {
                    x.refcount = 0;
                    x.inCache = false;
                    f.cache[p] = null;
                    freed++;
                }
            }
        }
        return freed;
    }
}
