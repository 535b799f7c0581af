package dev.pinfuzz.mm;

/**
 * A small (order-0) page-cache folio. {@code refcount} is the kernel's {@code _refcount};
 * {@code pins} and {@code gupRefs} are instrumentation the real kernel does not have, kept so
 * the pin-balance oracle can check that they agree with it.
 */
public final class Folio implements dev.pinfuzz.policy.PinnedPage {
    /** {@code GUP_PIN_COUNTING_BIAS} (include/linux/mm.h). */
    public static final int GUP_PIN_COUNTING_BIAS = 1024;

    final int file;
    final int index;
    int refcount;
    int pins;
    /** Of {@code pins}, those taken with {@code FOLL_LONGTERM} (what a policy may ask about). */
    int longtermPins;
    int gupRefs;
    int mapcount;
    boolean dirty;
    boolean writeback;
    boolean buffers;
    boolean inCache;
    /** Task holding {@code PG_locked}, or -1. */
    int lockOwner = -1;
    /** Per byte: the line that wrote it (0 = the file's initial zeros). */
    final Runs data = new Runs(0, 0);

    Folio(int file, int index) {
        this.file = file;
        this.index = index;
    }

    public int file() { return file; }
    public int index() { return index; }
    public int refcount() { return refcount; }
    @Override public int pins() { return pins; }
    @Override public int longtermPins() { return longtermPins; }
    public int gupRefs() { return gupRefs; }
    public int mapcount() { return mapcount; }
    public boolean dirty() { return dirty; }
    public boolean writeback() { return writeback; }
    public boolean buffers() { return buffers; }
    public boolean inCache() { return inCache; }
    public int lockOwner() { return lockOwner; }
    public boolean locked() { return lockOwner >= 0; }
    /** The stamp of byte {@code i} of this page. */
    public int stamp(int i) { return data.get(i); }

    /** {@code folio_maybe_dma_pinned()}: what a pin-tracking kernel can see. */
    boolean maybeDmaPinned() {
        return pins > 0;
    }
}
