package dev.pinfuzz.program;

/** File system kinds a trace can declare. */
public enum Fs {
    /** Writeback-capable, dirty-tracked, buffer heads. */
    EXT4,
    /** No writeback: fsync does nothing and returns 0; nothing survives a crash. */
    TMPFS;

    public String spelling() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
