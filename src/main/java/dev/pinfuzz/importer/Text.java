package dev.pinfuzz.importer;

/** Short, safe renderings of log text for comments in the generated trace. */
final class Text {
    private Text() {}

    /** {@code L12: pread64(4</data/f>, "aaaa"..., 4096, 0) = 4096}, shortened. */
    static String comment(Syscall c) {
        String t = c.text();
        int q = t.indexOf("</dev/null>, \"#");
        if (t.startsWith("write(") && q > 0) { // a note: show what it says
            int end = t.indexOf('"', q + 14);
            return c.where() + ": note " + compact(t.substring(q + 14, end < 0 ? t.length() : end), 110);
        }
        return c.where() + ": " + compact(t, 110);
    }

    /**
     * The text with long string literals cut to a few characters, the {@code -T} duration
     * dropped, control characters replaced, and at most {@code max} characters.
     */
    static String compact(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 8));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '"') j += text.charAt(j) == '\\' ? 2 : 1;
                String lit = text.substring(i, Math.min(j + 1, n));
                if (lit.length() > 14) lit = lit.substring(0, 9) + "\"...";
                sb.append(lit);
                i = Math.min(j + 1, n);
                if (text.startsWith("...", i)) i += 3;
                continue;
            }
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
            i++;
        }
        String s = sb.toString().replaceFirst("\\s+<\\d+\\.\\d+>$", "");
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
