package dev.pinfuzz.gen;

import dev.pinfuzz.program.Op;
import java.util.TreeSet;

/** The numeric fields of an op (offsets, lengths, pages, sizes) for the shrinker. */
final class Numbers {
    private Numbers() {}

    static int count(Op op) {
        if (op instanceof Op.Write || op instanceof Op.Store || op instanceof Op.Gup || op instanceof Op.DmaWrite) return 2;
        return op instanceof Op.Truncate ? 1 : 0;
    }

    static int get(Op op, int field) {
        if (op instanceof Op.Write w) return field == 0 ? w.off() : w.len();
        if (op instanceof Op.Store w) return field == 0 ? w.off() : w.len();
        if (op instanceof Op.Gup g) return field == 0 ? g.page() : g.nr();
        if (op instanceof Op.DmaWrite d) return field == 0 ? d.off() : d.len();
        return ((Op.Truncate) op).size();
    }

    static Op with(Op op, int field, int v) {
        if (op instanceof Op.Write w) return field == 0 ? new Op.Write(w.file(), v, w.len()) : new Op.Write(w.file(), w.off(), v);
        if (op instanceof Op.Store w) return field == 0 ? new Op.Store(w.file(), v, w.len()) : new Op.Store(w.file(), w.off(), v);
        if (op instanceof Op.Gup g)
            return field == 0 ? new Op.Gup(g.pin(), g.file(), v, g.nr(), g.flags()) : new Op.Gup(g.pin(), g.file(), g.page(), v, g.flags());
        if (op instanceof Op.DmaWrite d) return field == 0 ? new Op.DmaWrite(d.handle(), v, d.len()) : new Op.DmaWrite(d.handle(), d.off(), v);
        return new Op.Truncate(((Op.Truncate) op).file(), v);
    }

    /** Smaller values worth trying, smallest first: 0, 1, the page and sector boundary below, half, one less. */
    static int[] smaller(int v) {
        TreeSet<Integer> c = new TreeSet<>();
        for (int x : new int[] {0, 1, v & ~4095, v & ~511, v / 2, v - 1}) if (x >= 0 && x < v) c.add(x);
        return c.stream().mapToInt(Integer::intValue).toArray();
    }
}
