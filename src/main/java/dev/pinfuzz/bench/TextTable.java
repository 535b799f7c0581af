package dev.pinfuzz.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a title, a header row, rows; columns padded to their widest cell, the first
 * column left-aligned and the others right-aligned (they hold figures).
 */
public final class TextTable {
    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String title, String... header) {
        this.title = title;
        rows.add(header);
    }

    public TextTable row(String... cells) {
        if (cells.length != rows.get(0).length)
            throw new IllegalArgumentException(cells.length + " cells for " + rows.get(0).length + " columns");
        rows.add(cells);
        return this;
    }

    @Override
    public String toString() {
        int n = rows.get(0).length;
        int[] w = new int[n];
        for (String[] r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], r[i].length());
        StringBuilder sb = new StringBuilder(title).append('\n');
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) line.append("  ");
                String pad = " ".repeat(w[i] - r[i].length());
                line.append(i == 0 ? r[i] + pad : pad + r[i]);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (k == 0) {
                int total = 0;
                for (int x : w) total += x;
                sb.append("-".repeat(total + 2 * (n - 1))).append('\n');
            }
        }
        return sb.toString();
    }
}
