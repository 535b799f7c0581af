package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.Runs;
import dev.pinfuzz.program.FileDecl;

/**
 * Per byte of one file: the acknowledged write that landed last (run value = its stamp, run aux
 * = when it landed), and the file size the program's writes and truncates imply. Pages never
 * acknowledged since the start or the last crash are null: stamp 0, landed at {@code baseLand}.
 */
final class AckState {
    private static final int PAGE = FileDecl.PAGE_SIZE;

    final Runs[] pages;
    /**
     * Pages a promise's snapshot shares: copied on the next write, not at the snapshot. Every
     * integrity sync takes a snapshot, most pages are never acknowledged again after it.
     */
    private final boolean[] shared;
    int baseLand;
    /** i_size as the oracle counts it now; {@link #sizeAt} tells it at an earlier time. */
    int size;
    /** Every size the oracle counted, with when: time, size, time, size, ... in time order. */
    private int[] sizeLog = new int[8];
    private int sizeLogLength;

    AckState(FileDecl f) {
        pages = new Runs[f.pages()];
        shared = new boolean[f.pages()];
        setSize(f.bytes(), 0);
    }

    /** A write of {@code [from, to)} that landed at {@code when} is acknowledged. */
    void ack(int from, int to, int stamp, int when) {
        for (int pg = from / PAGE; pg * PAGE < to; pg++) {
            int a = Math.max(from, pg * PAGE) - pg * PAGE;
            int b = Math.min(to, (pg + 1) * PAGE) - pg * PAGE;
            if (pages[pg] == null) {
                pages[pg] = new Runs(0, baseLand);
            } else if (shared[pg]) {
                pages[pg] = pages[pg].copy();
                shared[pg] = false;
            }
            pages[pg].raise(a, b, stamp, when);
        }
    }

    /** After power loss the bytes the disk kept are the content, as if written and acknowledged then. */
    void rebase(Kernel k, int file, int when) {
        baseLand = when;
        java.util.Arrays.fill(shared, false);
        for (int pg = 0; pg < pages.length; pg++) {
            Runs d = k.durablePage(file, pg);
            if (d == null) {
                pages[pg] = null;
            } else {
                pages[pg] = d.copy();
                pages[pg].setAux(when);
            }
        }
        setSize(k.durableSize(file), when);
    }

    /** i_size becomes {@code s} at {@code time} (a write or truncate returned, or power failed). */
    void setSize(int s, int time) {
        size = s;
        if (sizeLogLength == sizeLog.length) sizeLog = java.util.Arrays.copyOf(sizeLog, 2 * sizeLog.length);
        sizeLog[sizeLogLength++] = time;
        sizeLog[sizeLogLength++] = s;
    }

    /** i_size as the oracle counted it at {@code time} (a binary search: long traces have many writes). */
    int sizeAt(int time) {
        int lo = 0, hi = sizeLogLength / 2 - 1; // entries; the first is at time 0 or a crash's
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (sizeLog[2 * mid] <= time) lo = mid;
            else hi = mid - 1;
        }
        return sizeLog[2 * lo + 1];
    }

    /** A snapshot for a promise: it must not be modified (its pages are shared until written). */
    Runs[] copyPages() {
        java.util.Arrays.fill(shared, true);
        return pages.clone();
    }
}
