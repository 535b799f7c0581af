package dev.pinfuzz.importer;

/**
 * An open file description: shared by {@code dup} and {@code fork}, so it carries the file
 * position that {@code read}/{@code write} without an offset use and advance.
 */
final class OpenFile {
    final String path;
    boolean direct;
    boolean dsync;
    boolean sync;
    boolean append;
    long pos;
    /** A pipe end: its key and whether it is the read end. */
    final String pipe;
    final boolean readEnd;

    OpenFile(String path, String pipe, boolean readEnd) {
        this.path = path;
        this.pipe = pipe;
        this.readEnd = readEnd;
    }

    void copyFlags(OpenFile o) {
        direct = o.direct;
        dsync = o.dsync;
        sync = o.sync;
        append = o.append;
        pos = o.pos;
    }

    /** Status flags from {@code openat} or {@code fcntl(F_SETFL)}. */
    void flags(Value v) {
        direct = Value.hasFlag(v, "O_DIRECT");
        dsync = Value.hasFlag(v, "O_DSYNC");
        sync = Value.hasFlag(v, "O_SYNC");
        append = Value.hasFlag(v, "O_APPEND");
    }
}
