package dev.pinfuzz.mm;

import dev.pinfuzz.program.Op;

/** {@code write(2)}, CPU stores through a shared mapping, and the page faults they take. */
final class FaultPath {
    private static final int PAGE = Inode.PAGE;

    private FaultPath() {}

    /**
     * Buffered {@code write(2)}: for each page, {@code write_begin} (lock, attach buffers), copy,
     * {@code write_end} (dirty, extend {@code i_size}, unlock). {@code t.cur} is the next page.
     */
    static long write(Kernel k, Task t, Op.Write w, int stamp) {
        Inode f = k.files[w.file()];
        int end = w.off() + w.len();
        if (w.len() == 0) return 0;
        if (!t.started) {
            t.started = true;
            t.cur = w.off() / PAGE;
        }
        for (; t.cur * PAGE < end; t.cur++) {
            Folio x = k.findOrCreate(w.file(), t.cur);
            if (!k.trylock(t, x)) return k.blockOnLock(t, x);
            k.attachBuffers(x);
            copy(x, t.cur, w.off(), end, stamp);
            k.setPageDirty(t, x);
            f.size = Math.max(f.size, Math.min(end, (t.cur + 1) * PAGE));
            k.unlock(x);
        }
        return w.len();
    }

    /**
     * Stores through the task's {@code MAP_SHARED} mapping. A page past EOF raises SIGBUS
     * (returned as {@code -EFAULT}) before anything is stored, or, when a truncate moved EOF
     * while the store waited on a fault, when it reaches that page. A PTE that is not writable takes
     * a write fault first.
     */
    static long store(Kernel k, Task t, Op.Store s, int stamp) {
        Inode f = k.files[s.file()];
        int end = s.off() + s.len();
        if (s.len() == 0) return 0;
        if (!t.started) {
            if ((end - 1) / PAGE * PAGE >= f.size) return -Errno.EFAULT;
            t.started = true;
            t.cur = s.off() / PAGE;
        }
        byte[] row = k.mapping(t, s.file());
        for (; t.cur * PAGE < end; t.cur++) {
            if (t.cur * PAGE >= f.size) return -Errno.EFAULT; // a truncate ran while it waited: SIGBUS
            Folio x = k.findOrCreate(s.file(), t.cur);
            if ((row[t.cur] & Task.PTE_WRITE) == 0 && writeFault(k, t, x, row) == Kernel.BLOCKED)
                return Kernel.BLOCKED;
            copy(x, t.cur, s.off(), end, stamp);
            row[t.cur] |= Task.PTE_DIRTY;
        }
        return 0;
    }

    /**
     * A write fault on a shared file mapping with write-notify: {@code do_shared_fault()} →
     * {@code page_mkwrite} (ext4: lock, attach buffers, dirty) → PTE writable and dirty.
     */
    static long writeFault(Kernel k, Task t, Folio x, byte[] row) {
        if (!k.trylock(t, x)) return k.blockOnLock(t, x);
        k.attachBuffers(x);
        k.setPageDirty(t, x);
        mapPte(x, row);
        row[x.index] = Task.PTE_PRESENT | Task.PTE_WRITE | Task.PTE_DIRTY;
        k.unlock(x);
        return 0;
    }

    /** A read fault: the PTE maps the page read-only (write-notify keeps it so until a write). */
    static void readFault(Folio x, byte[] row) {
        if (row[x.index] != 0) return;
        mapPte(x, row);
        row[x.index] = Task.PTE_PRESENT;
    }

    private static void mapPte(Folio x, byte[] row) {
        if (row[x.index] == 0) {
            x.mapcount++;
            x.refcount++;
        }
    }

    /** Stamps the part of {@code [off, end)} that falls in page {@code page}. */
    static void copy(Folio x, int page, int off, int end, int stamp) {
        int a = Math.max(off, page * PAGE) - page * PAGE;
        int b = Math.min(end, (page + 1) * PAGE) - page * PAGE;
        x.data.fill(a, b, stamp, 0);
    }
}
