package dev.pinfuzz.importer;

/** A malformed strace line: {@code column} is 1-based within the line. */
final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int column;

    SyntaxError(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }
}
