package dev.pinfuzz.importer;

import java.util.List;

/**
 * A step of the program being built, before files are sized and folded: offsets are raw byte
 * offsets of {@code file}; for DMA, {@code off} counts from the first byte of the handle's
 * first page. {@code before} holds comment lines that go above the step.
 */
record Draft(Kind kind, String task, FileRef file, long off, long len, int handle, int flags, String comment,
             List<String> before) {
    enum Kind {
        WRITE, STORE, PIN, GET, DMA, UNPIN, UNPIN_DIRTY, PUT_PAGE,
        FSYNC, FDATASYNC, MSYNC, SYNC, SYNC_FILE_RANGE, TRUNCATE, EXIT;

        boolean gup() {
            return this == PIN || this == GET;
        }

        boolean sync() {
            return this == FSYNC || this == FDATASYNC || this == MSYNC || this == SYNC || this == SYNC_FILE_RANGE;
        }
    }

    /** Steps that make a file worth declaring: data moves or pins, not just syncs and truncates. */
    boolean substance() {
        return kind == Kind.WRITE || kind == Kind.STORE || kind.gup();
    }
}
