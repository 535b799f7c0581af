package dev.pinfuzz.importer;

/** An import that cannot produce anything: the message is ready for stderr. */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImportException(String message) {
        super(message, null, false, false);
    }
}
