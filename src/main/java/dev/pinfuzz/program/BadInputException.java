package dev.pinfuzz.program;

/** Malformed input, located as {@code FILE:LINE:COL: message}. */
public final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    public BadInputException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason, null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
    public String reason() { return reason; }
}
