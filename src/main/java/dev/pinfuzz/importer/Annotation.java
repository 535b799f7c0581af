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
}
