package dev.pinfuzz.importer;

/** Something wrong with one line of the log, reported as {@code FILE:LINE:COL: message}. */
public record Problem(int line, int column, String message) {
    public String format(String file) {
        return file + ":" + line + ":" + Math.max(column, 1) + ": " + message;
    }
}
