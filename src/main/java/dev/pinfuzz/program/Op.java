package dev.pinfuzz.program;

/**
 * One call of a program, as an immutable record. Files, handles and tasks are indices into
 * the owning {@link Program}'s name tables.
 */
public sealed interface Op {
    Call call();

    /** The file {@code op} names itself (write, store, GUP, a sync of one file, truncate), or -1. */
    static int file(Op op) {
        if (op instanceof Write w) return w.file();
        if (op instanceof Store s) return s.file();
        if (op instanceof Gup g) return g.file();
        if (op instanceof Sync y) return y.file();
        if (op instanceof Truncate t) return t.file();
        return -1;
    }

    /** {@code write(F, OFF, LEN)}: buffered write(2). */
    record Write(int file, int off, int len) implements Op {
        public Call call() { return Call.WRITE; }
    }

    /** {@code store(F, OFF, LEN)}: CPU stores through the task's shared writable mapping. */
    record Store(int file, int off, int len) implements Op {
        public Call call() { return Call.STORE; }
    }

    /** {@code H = get_user_pages(...)} ({@code pin == false}) or {@code H = pin_user_pages(...)}. */
    record Gup(boolean pin, int file, int page, int nr, int flags) implements Op {
        public Call call() { return pin ? Call.PIN_USER_PAGES : Call.GET_USER_PAGES; }
    }

    /** {@code dma_write(H, OFF, LEN)}: the device writes behind the kernel's back. */
    record DmaWrite(int handle, int off, int len) implements Op {
        public Call call() { return Call.DMA_WRITE; }
    }

    /**
     * A handle release: {@code unpin_user_pages}, {@code unpin_user_pages_dirty_lock(H, dirty)},
     * {@code put_user_page}, {@code put_user_pages_dirty_lock} or {@code put_page}.
     */
    record Release(Call call, int handle, boolean dirty) implements Op {
        public Release {
            if (!call.isRelease()) throw new IllegalArgumentException(call + " is not a release");
            if (call == Call.PUT_USER_PAGES_DIRTY_LOCK) dirty = true;
            if (call == Call.UNPIN_USER_PAGES || call == Call.PUT_USER_PAGE || call == Call.PUT_PAGE) dirty = false;
        }
    }

    /** {@code set_page_dirty_lock(H)}. */
    record SetPageDirtyLock(int handle) implements Op {
        public Call call() { return Call.SET_PAGE_DIRTY_LOCK; }
    }

    /** fsync, fdatasync, msync, sync ({@code file == -1}), sync_file_range, writeback. */
    record Sync(Call call, int file) implements Op {
        public Sync {
            if (!(call.isIntegritySync() || call == Call.SYNC_FILE_RANGE || call == Call.WRITEBACK))
                throw new IllegalArgumentException(call + " is not a sync call");
            if ((call == Call.SYNC) != (file < 0)) throw new IllegalArgumentException("sync() takes no file");
        }
    }

    /** {@code reclaim()}. */
    record Reclaim() implements Op {
        public Call call() { return Call.RECLAIM; }
    }

    /** {@code truncate(F, SIZE)}. */
    record Truncate(int file, int size) implements Op {
        public Call call() { return Call.TRUNCATE; }
    }

    /** {@code exit()}. */
    record Exit() implements Op {
        public Call call() { return Call.EXIT; }
    }

    /** {@code crash()}: power loss; belongs to no task. */
    record Crash() implements Op {
        public Call call() { return Call.CRASH; }
    }
}
