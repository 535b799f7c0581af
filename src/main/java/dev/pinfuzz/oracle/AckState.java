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
    int size;

    AckState(FileDecl f) {
        pages = new Runs[f.pages()];
        shared = new boolean[f.pages()];
        size = f.bytes();
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
        size = k.durableSize(file);
    }

    /** A snapshot for a promise: it must not be modified (its pages are shared until written). */
    Runs[] copyPages() {
        java.util.Arrays.fill(shared, true);
        return pages.clone();
    }
}
