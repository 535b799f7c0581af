package dev.pinfuzz.oracle;

import java.util.ArrayList;
import java.util.List;

/** Wrong bytes, folded into runs of equal (found, expected) stamps for a readable report. */
final class ByteRangeReport {
    record Range(int from, int to, int seen, int want) {}

    private final List<Range> ranges = new ArrayList<>();
    private int from = -1, to, seen, want;

    /** Bytes {@code [b, e]} hold {@code s} where {@code w} was promised. */
    void add(int b, int e, int s, int w) {
        if (from >= 0 && b == to + 1 && s == seen && w == want) {
            to = e;
            return;
        }
        close();
        from = b;
        to = e;
        seen = s;
        want = w;
    }

    private void close() {
        if (from >= 0) ranges.add(new Range(from, to, seen, want));
        from = -1;
    }

    boolean empty() {
        return from < 0 && ranges.isEmpty();
    }

    Range first() {
        close();
        return ranges.get(0);
    }

    int ranges() {
        close();
        return ranges.size();
    }
}
