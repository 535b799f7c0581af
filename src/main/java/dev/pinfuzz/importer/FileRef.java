package dev.pinfuzz.importer;

import dev.pinfuzz.program.Fs;

/**
 * A file of the generated program: a real file (by path) or a stand-in for memory that has no
 * file of its own (anonymous memory, a {@code MAP_PRIVATE} mapping), which becomes a
 * {@code tmpfs} file. It grows its extent as the log touches it; the renderer sizes and, past
 * 64 pages, folds it.
 */
final class FileRef {
    final String key;
    /** The real path, or null for a memory stand-in. */
    final String path;
    final Fs fs;
    /** What the stand-in is, for its name and comments ("anonymous memory of P12"). */
    final String what;
    /** For a MAP_PRIVATE stand-in: the path of the mapped file. */
    String origin;
    /** A name a note gave the region ({@code anon=0x...}), preferred for the file name. */
    String noteName;
    /** Highest byte offset the log showed: sizes, writes, mappings. */
    long extent;
    /** i_size as far as the log tells (O_TRUNC, ftruncate, fstat, writes), or -1. */
    long size = -1;
    /** Some step refers to it (for comments about mappings that matter). */
    boolean used;
    /** A directory: fsync of it has no counterpart in the model. */
    boolean directory;

    FileRef(String key, String path, Fs fs, String what) {
        this.key = key;
        this.path = path;
        this.fs = fs;
        this.what = what;
    }

    /** The real path, or the path a private mapping was made from, or "". */
    String source() {
        return path != null ? path : origin != null ? origin : "";
    }

    void touch(long end) {
        if (end > extent) extent = Math.min(end, 1L << 50); // the log's numbers can be anything
    }

    /** A write or truncation that sets the size. */
    void sized(long newSize) {
        size = newSize;
        touch(newSize);
    }

    /** Whether a path is a regular file the model can hold (not a device, socket, pipe, /proc). */
    static boolean regular(String path) {
        if (path == null || !path.startsWith("/")) return path != null && path.startsWith("memfd:");
        if (path.startsWith("/dev/shm/") || path.startsWith("/run/shm/")) return true;
        return !(path.startsWith("/dev/") || path.startsWith("/proc/") || path.startsWith("/sys/"));
    }

    /** tmpfs by path: /dev/shm, memfd. Everything else is taken to be the ext4 of the traces. */
    static Fs fsOf(String path) {
        return path.startsWith("/dev/shm/") || path.startsWith("/run/shm/") || path.startsWith("memfd:")
                || path.startsWith("/memfd:") ? Fs.TMPFS : Fs.EXT4;
    }
}
