package dev.pinfuzz.mm;

import dev.pinfuzz.program.FileDecl;

/**
 * The 4096 byte stamps of one page as runs of equal (value, aux) pairs. A write stamps a range,
 * so a page holds a handful of runs: every operation is O(runs), never O(bytes), and nothing
 * is allocated once the arrays have grown. {@code aux} is spare for the oracles (when a value
 * landed); the model leaves it 0.
 */
public final class Runs {
    public static final int SIZE = FileDecl.PAGE_SIZE;

    private int n;
    /** Runs as triples (start, value, aux), in order of start; one array, so one allocation. */
    private int[] r;

    /** One run: every byte {@code value}. */
    public Runs(int value, int aux) {
        r = new int[6];
        n = 1;
        r[1] = value;
        r[2] = aux;
    }

    public Runs copy() {
        Runs c = new Runs(0, 0);
        c.set(this);
        return c;
    }

    /** Becomes a copy of {@code o}. */
    public void set(Runs o) {
        if (r.length < 3 * o.n) r = new int[3 * o.n];
        System.arraycopy(o.r, 0, r, 0, 3 * o.n);
        n = o.n;
    }

    /** Every byte {@code value}. */
    public void reset(int value, int aux) {
        n = 1;
        r[1] = value;
        r[2] = aux;
    }

    /** Every run's aux becomes {@code x}. */
    public void setAux(int x) {
        for (int k = 0; k < n; k++) r[3 * k + 2] = x;
        coalesce();
    }

    public int runs() { return n; }
    public int start(int k) { return r[3 * k]; }
    public int end(int k) { return k + 1 < n ? r[3 * k + 3] : SIZE; }
    public int value(int k) { return r[3 * k + 1]; }
    public int aux(int k) { return r[3 * k + 2]; }

    /** Index of the run holding byte {@code pos}. */
    public int find(int pos) {
        int k = n - 1;
        while (r[3 * k] > pos) k--;
        return k;
    }

    public int get(int pos) {
        return r[3 * find(pos) + 1];
    }

    /** Bytes {@code [a, b)} become {@code (v, x)}. */
    public void fill(int a, int b, int v, int x) {
        if (a >= b) return;
        int i = find(a), j = find(b - 1);
        int endJ = end(j), vJ = value(j), xJ = aux(j);
        int left = start(i) < a ? 1 : 0, right = b < endJ ? 1 : 0;
        int added = left + 1 + right, removed = j - i + 1;
        int newN = n - removed + added;
        if (3 * newN > r.length) r = java.util.Arrays.copyOf(r, Math.max(3 * newN, 2 * r.length));
        int tail = n - j - 1;
        if (tail > 0 && added != removed) System.arraycopy(r, 3 * (j + 1), r, 3 * (i + added), 3 * tail);
        int k = 3 * (i + left); // run i keeps its head [start(i), a) when left == 1
        r[k] = a;
        r[k + 1] = v;
        r[k + 2] = x;
        if (right == 1) {
            r[k + 3] = b;
            r[k + 4] = vJ;
            r[k + 5] = xJ;
        }
        n = newN;
        coalesce();
    }

    /** Bytes {@code [0, len)} become those of {@code src}; the rest is unchanged. */
    public void copyPrefix(Runs src, int len) {
        if (len >= SIZE) {
            set(src);
            return;
        }
        for (int k = 0; k < src.n && src.start(k) < len; k++) fill(src.start(k), Math.min(len, src.end(k)), src.value(k), src.aux(k));
    }

    /** For bytes of {@code [a, b)} whose aux is below {@code when}: become {@code (v, when)}. */
    public void raise(int a, int b, int v, int when) {
        int pos = a;
        while (pos < b) {
            int k = find(pos);
            int e = Math.min(b, end(k));
            if (aux(k) < when) fill(pos, e, v, when);
            pos = e;
        }
    }

    private void coalesce() {
        int w = 0;
        for (int k = 1; k < n; k++) {
            if (r[3 * k + 1] == r[3 * w + 1] && r[3 * k + 2] == r[3 * w + 2]) continue;
            w++;
            if (w != k) System.arraycopy(r, 3 * k, r, 3 * w, 3);
        }
        n = w + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Runs x && x.n == n && java.util.Arrays.equals(r, 0, 3 * n, x.r, 0, 3 * n);
    }

    @Override
    public int hashCode() {
        int h = n;
        for (int k = 0; k < 3 * n; k++) h = 31 * h + r[k];
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < n; k++) sb.append(k == 0 ? "" : ", ").append(start(k)).append("..").append(end(k) - 1).append('=').append(value(k));
        return sb.append(']').toString();
    }
}
