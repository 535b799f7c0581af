package dev.pinfuzz.program;

/** Malformed input, located as {@code FILE:LINE:COL: message}. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public BadInputException(String source, int line, int column, String reason) {
        this(source, line, column, readable(reason), Void.TYPE);
    }

    /** {@code shown}: the reason already made {@link #readable}. */
    private BadInputException(String source, int line, int column, String shown, Class<Void> marker) {
        super(source + ":" + line + ":" + column + ": " + shown, null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = shown;
    }

    /** Words (runs without spaces) longer than this are cut in messages: a 1 MB number is one line of 1 MB. */
    static final int MAX_WORD = 60;

    /**
     * The reason as one short, visible line: characters that show as nothing or as a plain space
     * (controls, U+00A0, U+200B, a BOM, separators) become {@code \\u00a0}, and a word of the input
     * longer than {@link #MAX_WORD} is cut to its start and its length.
     */
    static String readable(String reason) {
        StringBuilder out = new StringBuilder(Math.min(reason.length(), 4 * MAX_WORD));
        for (String word : reason.split(" ", -1)) {
            int n = word.codePointCount(0, word.length());
            String w = n <= MAX_WORD ? word : word.substring(0, word.offsetByCodePoints(0, 24)) + "...(" + n + " characters)";
            w.codePoints().forEach(cp -> out.append(invisible(cp) ? String.format(cp > 0xffff ? "\\U%08x" : "\\u%04x", cp) : Character.toString(cp)));
            out.append(' ');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static boolean invisible(int cp) {
        if (cp == ' ') return false;
        int t = Character.getType(cp);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.SPACE_SEPARATOR || t == Character.LINE_SEPARATOR
                || t == Character.PARAGRAPH_SEPARATOR || t == Character.UNASSIGNED || t == Character.SURROGATE || t == Character.PRIVATE_USE;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
    public String reason() { return reason; }
}
