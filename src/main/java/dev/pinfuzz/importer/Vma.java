package dev.pinfuzz.importer;

/**
 * One mapping of a process: {@code [start, end)} shows {@code file} from byte {@code fileOff}.
 * For a memory stand-in ({@code MAP_PRIVATE}, anonymous) {@code file} is the stand-in and
 * {@code fileOff} counts from the start of the original mapping.
 *
 * @param writable {@code PROT_WRITE}: a {@code FOLL_WRITE} pin of a read-only mapping fails
 *     with EFAULT, which the model (whose mappings are all writable) cannot show
 * @param line the mmap line, for comments
 */
record Vma(long start, long end, FileRef file, long fileOff, boolean writable, boolean shared, int line, boolean buffer) {
    /** A mapping a program makes for data: of a regular file, writable, not placed by the loader (MAP_FIXED). */
    Vma(long start, long end, FileRef file, long fileOff, boolean writable, boolean shared, int line) {
        this(start, end, file, fileOff, writable, shared, line, false);
    }

    boolean contains(long addr) {
        return addr >= start && addr < end;
    }

    /** The part of this mapping from {@code from} to {@code to}. */
    Vma slice(long from, long to) {
        return new Vma(from, to, file, fileOff + (from - start), writable, shared, line, buffer);
    }
}
