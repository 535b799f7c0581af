package dev.pinfuzz.oracle;

import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;

/**
 * When each page of a write or store landed, or a GUP took it (a truncate lands whole when it
 * returns; other steps land when they start). Such a
 * step works page by page; when it
 * must wait (for a page lock), the pages before the one it waits on landed already and the rest
 * land when it resumes. The wait reports name the page, so the oracle needs nothing else.
 */
final class Landing {
    private static final int PAGE = FileDecl.PAGE_SIZE;

    private final Program p;
    /** Per step: {firstPage, time, page, time, ...}; null for steps that write nothing. */
    private final int[][] parts;
    private final int[] count;
    private final int[] waitPage;

    Landing(Program p) {
        this.p = p;
        this.parts = new int[p.size()][];
        this.count = new int[p.size()];
        this.waitPage = new int[p.size()];
    }

    private static int firstPage(Op op) {
        if (op instanceof Op.Write w) return w.off() / PAGE;
        if (op instanceof Op.Store s) return s.off() / PAGE;
        if (op instanceof Op.Gup g) return g.page(); // when it took each page
        return -1;
    }

    void started(int i, int t) {
        int first = firstPage(p.step(i).op());
        if (first < 0 || parts[i] != null) return;
        parts[i] = new int[] {first, t, 0, 0};
        count[i] = 1;
        waitPage[i] = -1;
    }

    void blocked(int i, int page) {
        if (parts[i] != null) waitPage[i] = page;
    }

    void resumed(int i, int t) {
        if (i < 0 || parts[i] == null || waitPage[i] < 0) return;
        int n = count[i];
        if (2 * n + 2 > parts[i].length) parts[i] = java.util.Arrays.copyOf(parts[i], parts[i].length * 2);
        parts[i][2 * n] = waitPage[i];
        parts[i][2 * n + 1] = t;
        count[i] = n + 1;
        waitPage[i] = -1;
    }

    /** A step that lands all at once, when it returns (truncate). */
    void landedWhole(int i, int t) {
        parts[i] = new int[] {0, t};
        count[i] = 1;
    }

    /** When page {@code pg} of step {@code i}'s range landed (its start, for steps that never waited). */
    int time(int i, int pg) {
        int[] a = parts[i];
        if (a == null) return Integer.MAX_VALUE;
        int t = a[1];
        for (int k = 1; k < count[i] && a[2 * k] <= pg; k++) t = a[2 * k + 1];
        return t;
    }
}
