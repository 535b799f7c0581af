package dev.pinfuzz.mm;

/**
 * {@code write_cache_pages()} over one file or all of them, for data integrity (fsync, sync:
 * then flushes the device cache and makes {@code i_size} durable, unless an fsync failed) or in the background
 * (writeback, sync_file_range: no flush, no promise). Both lock each dirty page, waiting for it.
 * An integrity pass writes only the pages that were dirty when it reached their file, as the
 * kernel's {@code WB_SYNC_ALL} tags them first ({@code tag_pages_for_writeback()}: a page
 * dirtied while the pass waits is not its business); a background pass looks at each page as it
 * comes to it.
 */
final class Writeback {
    private Writeback() {}

    /**
     * @param file the file, or -1 for every file ({@code sync()})
     * @return 0, {@code -EBUSY} when the policy refused a pinned page, {@link Kernel#BLOCKED} or
     *         {@link Kernel#KILLED}
     */
    static long run(Kernel k, Task t, int file, boolean integrity) {
        if (!t.started) {
            t.started = true;
            t.cur2 = file < 0 ? 0 : file;
            t.cur = 0;
        }
        int last = file < 0 ? k.files.length - 1 : file;
        for (; t.cur2 <= last; t.cur2++, t.cur = 0) {
            Inode f = k.files[t.cur2];
            if (f.tmpfs) continue; // shmem has no writeback: fsync does nothing
            if (integrity && t.taggedFile != t.cur2) {
                t.taggedFile = t.cur2;
                tagDirty(t, f);
            }
            for (; t.cur < f.cacheSpan; t.cur++) { // pages past the span are not cached
                if (integrity && (t.cur >= t.taggedSpan || t.tagged[t.cur] != f.cache[t.cur])) continue;
                long r = writePage(k, t, f, f.cache[t.cur], integrity);
                if (r == Kernel.BLOCKED || r == Kernel.KILLED) return r;
            }
        }
        if (!integrity) return 0;
        // ext4_sync_file(): when file_write_and_wait_range() fails, it returns before the journal
        // commit and the cache flush, so neither i_size nor the pages just written are durable.
        // sync() commits and flushes whatever a file's writeback said (sync_filesystem()).
        if (t.flag && file >= 0) return -Errno.EBUSY;
        for (int i = (file < 0 ? 0 : file); i <= last; i++) {
            Inode f = k.files[i];
            if (f.tmpfs) continue;
            f.durableSize = f.size;
        }
        for (Inode f : k.files) f.flush(); // REQ_PREFLUSH: the whole device cache
        return t.flag ? -Errno.EBUSY : 0;
    }

    /** {@code tag_pages_for_writeback()}: remembers the file's dirty folios now. */
    private static void tagDirty(Task t, Inode f) {
        if (t.tagged == null) t.tagged = new Folio[dev.pinfuzz.program.FileDecl.MAX_PAGES];
        t.taggedSpan = f.cacheSpan;
        for (int i = 0; i < f.cacheSpan; i++) {
            Folio x = f.cache[i];
            t.tagged[i] = x != null && x.dirty ? x : null;
        }
    }

    /** One page: lock, {@code folio_clear_dirty_for_io()} under the policy, write, unlock. */
    private static long writePage(Kernel k, Task t, Inode f, Folio x, boolean integrity) {
        if (x == null || (!x.dirty && x.lockOwner != t.idx)) return 0;
        if (x.lockOwner != t.idx) {
            if (!k.trylock(t, x)) return k.blockOnLock(t, x); // folio_lock(), WB_SYNC_NONE too
        }
        if (k.policy.tracksPins() && x.maybeDmaPinned()) {
            switch (k.policy.onPinnedDirty(integrity, x)) { // dev.pinfuzz.policy.PinnedAction
                case WAIT:
                    return k.blockOnPins(t, x); // page lock held, PG_dirty still set
                case SKIP:
                    k.unlock(x);
                    return 0;
                case FAIL:
                    t.flag = true;
                    k.unlock(x);
                    return 0;
                case BOUNCE:
                    k.mkclean(x);
                    return submit(k, t, f, x, true);
                case WRITE:
                default:
                    break;
            }
        }
        if (!clearDirtyForIo(k, x)) {
            k.unlock(x);
            return 0;
        }
        return submit(k, t, f, x, false);
    }

    /** Models {@code folio_clear_dirty_for_io()} (mm/page-writeback.c): mkclean, then clear PG_dirty. */
    private static boolean clearDirtyForIo(Kernel k, Folio x) {
        k.mkclean(x);
        boolean was = x.dirty;
        x.dirty = false;
        return was;
    }

    /**
     * ext4 {@code ext4_writepage()} → {@code page_buffers()}: a dirty page without buffers is a
     * BUG. Otherwise {@code PG_writeback} is set, the bytes below {@code i_size} go to the
     * device, and the I/O completes within the step.
     */
    private static long submit(Kernel k, Task t, Inode f, Folio x, boolean bounce) {
        if (!x.buffers) {
            k.bug(t, "ext4_writepage: page_buffers() of " + k.page(x) + " which has no buffers (fs/ext4/inode.c)");
            k.unlock(x);
            return Kernel.KILLED;
        }
        int n = Math.min(Inode.PAGE, f.size - x.index * Inode.PAGE);
        x.writeback = true;
        if (n > 0) f.diskWrite(x.index, x.data, n); // a bounce copy has the same bytes at this instant
        x.writeback = false;
        k.unlock(x);
        return 0;
    }
}
