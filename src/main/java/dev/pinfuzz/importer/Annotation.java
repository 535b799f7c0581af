package dev.pinfuzz.importer;

/**
 * The {@code <...>} annotations {@code strace -y}/{@code -yy} prints after a descriptor number or
 * {@code AT_FDCWD}: {@code 3</data/f>}, {@code 1</dev/pts/0<char 136:0>>},
 * {@code 4<TCP:[127.0.0.1:45678->127.0.0.1:80]>}, {@code 5<UDPv6:[[::1]:5353->[::1]:53]>}. strace
 * escapes {@code <} and {@code >} in paths, so in a path only a nested {@code -yy} annotation has
 * them; socket details are printed raw, inside brackets.
 */
final class Annotation {
    private Annotation() {}

    /**
     * Whether the {@code <} at {@code i} starts an annotation: it follows a descriptor number or
     * {@code AT_FDCWD}, and is no {@code <<} of a flag expression ({@code FUTEX_OP_SET<<28|0<<12}).
     */
    static boolean opens(String s, int i) {
        if (i <= 0 || i + 1 >= s.length() || s.charAt(i) != '<' || s.charAt(i + 1) == '<') return false;
        char before = s.charAt(i - 1);
        return before >= '0' && before <= '9' || s.startsWith("AT_FDCWD", i - 8);
    }

    /** The index of the {@code >} that closes the annotation opened at {@code open}; -1 when the line ends first. */
    static int end(String s, int open) {
        boolean socket = open + 1 < s.length() && s.charAt(open + 1) != '/';
        int angles = 0;
        int brackets = 0;
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (socket && c == '[') brackets++;
            else if (socket && c == ']' && brackets > 0) brackets--;
            else if (brackets > 0) continue;
            else if (c == '<') angles++;
            else if (c == '>' && angles-- == 0) return i;
        }
        return -1;
    }

    /**
     * What an annotation names, as the importer compares it: a path without the {@code (deleted)}
     * that {@code -y} adds after an unlink (the file stays the same file) and without a nested
     * {@code -yy} device annotation, decoded and normalised ({@link PathName}); sockets, pipes and
     * anon inodes as printed.
     */
    static String path(String inside) {
        String p = inside;
        int nested = p.indexOf('<'); // escaped in the path itself
        if (nested > 0 && p.endsWith(">")) p = p.substring(0, nested);
        p = PathName.unescape(p); // -xx prints the whole path, "/" included, as \x2f...
        if (!p.startsWith("/")) return p;
        if (p.endsWith(" (deleted)")) p = p.substring(0, p.length() - " (deleted)".length());
        return PathName.normal(p);
    }
}
