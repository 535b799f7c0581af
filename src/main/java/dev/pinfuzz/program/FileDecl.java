package dev.pinfuzz.program;

/** A {@code file NAME pages=N [fs=...]} line. */
public record FileDecl(String name, int pages, Fs fs) {
    public static final int PAGE_SIZE = 4096;
    public static final int MAX_PAGES = 64;

    public int bytes() {
        return pages * PAGE_SIZE;
    }
}
