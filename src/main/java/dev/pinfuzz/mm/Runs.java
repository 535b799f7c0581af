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
    private int[] st;
    private int[] va;
    private int[] au;

    /** One run: every byte {@code value}. */
    public Runs(int value, int aux) {
        st = new int[4];
        va = new int[4];
        au = new int[4];
        n = 1;
        va[0] = value;
        au[0] = aux;
    }

    public Runs copy() {
        Runs r = new Runs(0, 0);
        r.set(this);
        return r;
    }

    /** Becomes a copy of {@code o}. */
    public void set(Runs o) {
        if (st.length < o.n) grow(o.n);
        System.arraycopy(o.st, 0, st, 0, o.n);
        System.arraycopy(o.va, 0, va, 0, o.n);
        System.arraycopy(o.au, 0, au, 0, o.n);
        n = o.n;
    }

    /** Every byte {@code value}. */
    public void reset(int value, int aux) {
        n = 1;
        va[0] = value;
        au[0] = aux;
    }

    /** Every run's aux becomes {@code x}. */
    public void setAux(int x) {
        for (int k = 0; k < n; k++) au[k] = x;
        coalesce();
    }

    public int runs() { return n; }
    public int start(int k) { return st[k]; }
    public int end(int k) { return k + 1 < n ? st[k + 1] : SIZE; }
    public int value(int k) { return va[k]; }
    public int aux(int k) { return au[k]; }

    /** Index of the run holding byte {@code pos}. */
    public int find(int pos) {
        int k = n - 1;
        while (st[k] > pos) k--;
        return k;
    }

    public int get(int pos) {
        return va[find(pos)];
    }

    /** Bytes {@code [a, b)} become {@code (v, x)}. */
    public void fill(int a, int b, int v, int x) {
        if (a >= b) return;
        int i = find(a), j = find(b - 1);
        int endJ = end(j), vJ = va[j], xJ = au[j];
        int left = st[i] < a ? 1 : 0, right = b < endJ ? 1 : 0;
        int added = left + 1 + right, removed = j - i + 1;
        int newN = n - removed + added;
        if (newN > st.length) grow(newN);
        int tail = n - j - 1;
        if (tail > 0 && added != removed) {
            System.arraycopy(st, j + 1, st, i + added, tail);
            System.arraycopy(va, j + 1, va, i + added, tail);
            System.arraycopy(au, j + 1, au, i + added, tail);
        }
        int k = i + left; // run i keeps its head [st[i], a) when left == 1
        st[k] = a;
        va[k] = v;
        au[k] = x;
        if (right == 1) {
            st[k + 1] = b;
            va[k + 1] = vJ;
            au[k + 1] = xJ;
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
        for (int k = 0; k < src.n && src.st[k] < len; k++) fill(src.st[k], Math.min(len, src.end(k)), src.va[k], src.au[k]);
    }

    /** For bytes of {@code [a, b)} whose aux is below {@code when}: become {@code (v, when)}. */
    public void raise(int a, int b, int v, int when) {
        int pos = a;
        while (pos < b) {
            int k = find(pos);
            int e = Math.min(b, end(k));
            if (au[k] < when) fill(pos, e, v, when);
            pos = e;
        }
    }

    private void coalesce() {
        int w = 0;
        for (int r = 1; r < n; r++) {
            if (va[r] == va[w] && au[r] == au[w]) continue;
            w++;
            st[w] = st[r];
            va[w] = va[r];
            au[w] = au[r];
        }
        n = w + 1;
    }

    private void grow(int min) {
        int cap = Math.max(min, st.length * 2);
        st = java.util.Arrays.copyOf(st, cap);
        va = java.util.Arrays.copyOf(va, cap);
        au = java.util.Arrays.copyOf(au, cap);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Runs r) || r.n != n) return false;
        for (int k = 0; k < n; k++) if (st[k] != r.st[k] || va[k] != r.va[k] || au[k] != r.au[k]) return false;
        return true;
    }

    @Override
    public int hashCode() {
        int h = n;
        for (int k = 0; k < n; k++) h = 31 * (31 * (31 * h + st[k]) + va[k]) + au[k];
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < n; k++) sb.append(k == 0 ? "" : ", ").append(st[k]).append("..").append(end(k) - 1).append('=').append(va[k]);
        return sb.append(']').toString();
    }
}
