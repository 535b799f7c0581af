package dev.pinfuzz.mm;

import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Fs;

/**
 * One file: its {@code address_space} (page cache), {@code i_size}, and its blocks on the
 * simulated disk, both as the device currently holds them (including its volatile write cache)
 * and as they would survive power loss.
 */
final class Inode {
    static final int PAGE = FileDecl.PAGE_SIZE;

    final int idx;
    final FileDecl decl;
    final boolean tmpfs;
    int size;
    int durableSize;
    final Folio[] cache;
    /**
     * One past the highest page the page cache held since the last power loss: pages from here
     * on are empty, so per-step scans of the cache stop here instead of at the file's end.
     */
    int cacheSpan;
    /** Per page stamps as the device holds them; null = all zero (stamp 0). */
    final Runs[] disk;
    /** Per page stamps that survive power loss; null = all zero. */
    final Runs[] durable;
    /** Pages written to the device since its last cache flush. */
    final boolean[] unflushed;
    /** Where device writes and flushes are narrated ({@code replay --verbose}); null when nobody listens. */
    java.util.List<String> log;

    Inode(int idx, FileDecl decl) {
        this.idx = idx;
        this.decl = decl;
        this.tmpfs = decl.fs() == Fs.TMPFS;
        this.size = decl.bytes();
        this.durableSize = size;
        this.cache = new Folio[decl.pages()];
        this.disk = new Runs[decl.pages()];
        this.durable = new Runs[decl.pages()];
        this.unflushed = new boolean[decl.pages()];
    }

    int pages() {
        return cache.length;
    }

    /** Writes bytes {@code [0, n)} of a page to the device (volatile until flushed). */
    void diskWrite(int page, Runs src, int n) {
        Runs d = disk[page];
        if (d == null) d = disk[page] = new Runs(0, 0);
        d.copyPrefix(src, n);
        unflushed[page] = true;
        if (log != null) log.add("write " + decl.name() + "[" + page + "] bytes 0.." + (n - 1) + " to the device (volatile cache)");
    }

    /** Device cache flush for this file's blocks. */
    void flush() {
        for (int p = 0; p < unflushed.length; p++) {
            if (!unflushed[p]) continue;
            if (log != null) log.add("flush " + decl.name() + "[" + p + "]: now durable");
            unflushed[p] = false;
            Runs d = disk[p];
            if (d == null) durable[p] = null;
            else if (durable[p] == null) durable[p] = d.copy();
            else durable[p].set(d);
        }
    }

    /** Stamps bytes {@code [from, to)} on the device with {@code stamp} (freed blocks read as zero). */
    void diskZero(int from, int to, int stamp) {
        for (int p = from / PAGE; p * PAGE < to; p++) {
            int a = Math.max(from, p * PAGE) - p * PAGE;
            int b = Math.min(to, (p + 1) * PAGE) - p * PAGE;
            Runs d = disk[p];
            if (d == null) d = disk[p] = new Runs(0, 0);
            d.fill(a, b, stamp, 0);
            unflushed[p] = true;
        }
        if (log != null) log.add("free " + decl.name() + " bytes " + from + ".." + (to - 1) + " on the device (read as zero)");
    }

    /** Power loss: the device forgets what it had not flushed; the file is as long as the disk says. */
    void crash(int stamp) {
        java.util.Arrays.fill(cache, null);
        cacheSpan = 0;
        java.util.Arrays.fill(unflushed, false);
        if (tmpfs) {
            java.util.Arrays.fill(disk, null);
            java.util.Arrays.fill(durable, null);
            size = durableSize = decl.bytes();
            return;
        }
        for (int p = 0; p < disk.length; p++) disk[p] = durable[p] == null ? null : durable[p].copy();
        size = durableSize;
        if (size < decl.bytes()) {
            diskZero(size, decl.bytes(), stamp);
            flush();
        }
    }

    /** Stamp of byte {@code b} as it would survive power loss now. */
    int durableStamp(int b) {
        Runs d = durable[b / PAGE];
        return d == null ? 0 : d.get(b % PAGE);
    }
}
