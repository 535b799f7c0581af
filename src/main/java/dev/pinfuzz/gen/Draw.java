package dev.pinfuzz.gen;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import java.util.function.IntUnaryOperator;

/**
 * The byte-to-choice mappings of the program format, as pure functions so that the decoder
 * reads with them and the encoder inverts them ({@link #inverse}). Every choice the decoder can
 * make has at least one byte; numbers have a raw escape that reaches every value in range.
 */
final class Draw {
    static final int PAGE = FileDecl.PAGE_SIZE;
    /** Upper bound on steps: bounds the cost of one fuzzer input. */
    static final int MAX_STEPS = 64;
    static final int MAX_HANDLES = MAX_STEPS;
    /** Task slots: A..D are CPU tasks, slot 4 is the device (its only call is dma_write). */
    static final int DEV = 4;
    static final String[] TASKS = {"A", "B", "C", "D", "dev"};
    static final String[] FILES = {"f", "g", "h"};
    static final String[] HANDLES = new String[MAX_HANDLES];

    static {
        for (int i = 0; i < MAX_HANDLES; i++) HANDLES[i] = i < 11 ? String.valueOf((char) ('p' + i)) : "p" + i;
    }

    /* Kinds of step. */
    static final int WRITE = 0, STORE = 1, GUP = 2, DMA = 3, RELEASE = 4, DIRTY = 5, SYNC = 6, BACKGROUND = 7,
            RECLAIM = 8, TRUNCATE = 9, EXIT = 10, CRASH = 11, KINDS = 12;
    /** pin_user_pages/unpin_* (every policy that tracks FOLL_PIN). Sum must stay <= 256. */
    static final int[] WEIGHTS_PIN = {16, 8, 16, 16, 10, 0, 14, 8, 6, 2, 3, 3};
    /** get_user_pages/set_page_dirty_lock/put_page (the 2018 kernel). */
    static final int[] WEIGHTS_GET = {16, 8, 16, 16, 8, 8, 14, 8, 6, 2, 3, 3};

    private static final int[] TASK_COUNT = {1, 1, 2, 2, 2, 3, 3, 4};
    private static final int[] FILE_COUNT = {1, 1, 1, 1, 2, 2, 2, 3};
    private static final int[] PAGES = {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8};
    private static final int[] FLAGS = {Flags.ALL, Flags.ALL, Flags.ALL, Flags.FOLL_WRITE, Flags.FOLL_WRITE,
            Flags.FOLL_WRITE, Flags.FOLL_LONGTERM, 0};
    private static final Call[] SYNCS = {Call.FSYNC, Call.FSYNC, Call.FSYNC, Call.FSYNC, Call.FSYNC,
            Call.FDATASYNC, Call.MSYNC, Call.SYNC};
    /** Sub-page parts of offsets and lengths: page and sector boundaries and their neighbours. */
    static final int[] OFF_SUB = {0, 0, 1, 511, 512, 1024, 2048, 4095};
    static final int[] LEN_SUB = {1, 511, 512, 1024, 2048, 4095, 4096, 4097};
    /** Number bytes from here on escape to a raw two-byte value. */
    static final int RAW = 232;

    /* Release variants under the pin API. */
    static final int UNPIN = 0, UNPIN_DIRTY = 1, UNPIN_CLEAN = 2;

    private Draw() {}

    /** Weighted choice among the kinds whose bit is set in {@code mask}; each gets >= 1 byte value. */
    static int kind(int b, int[] w, int mask) {
        int total = 0;
        for (int k = 0; k < KINDS; k++) if ((mask >>> k & 1) != 0) total += w[k];
        int t = (b * total) >>> 8;
        for (int k = 0; k < KINDS; k++) {
            if ((mask >>> k & 1) == 0) continue;
            if (t < w[k]) return k;
            t -= w[k];
        }
        throw new AssertionError("empty kind mask");
    }

    static int taskCount(int b) { return TASK_COUNT[b & 7]; }
    static int fileCount(int b) { return FILE_COUNT[b & 7]; }
    static int pages(int b) { return PAGES[b & 15]; }
    static boolean tmpfs(int b) { return b >= 224; }
    static int pick(int b, int n) { return b % n; }
    static int flags(int b) { return FLAGS[b & 7]; }
    static Call sync(int b) { return SYNCS[b & 7]; }
    static Call background(int b) { return (b & 3) == 3 ? Call.SYNC_FILE_RANGE : Call.WRITEBACK; }

    /** Pages a GUP takes, mostly one; {@code max} = pages from the first one to the end of the file. */
    static int nr(int b, int max) {
        return b < 176 ? 1 : 1 + (b - 176) % max;
    }

    /**
     * Release variant for a handle: a writable handle the device wrote must be released dirty,
     * and only a writable handle may be released dirty (its pages got buffers at the write fault).
     */
    static int release(int b, boolean write, boolean dmaDirty) {
        if (!write) return (b & 1) == 0 ? UNPIN : UNPIN_CLEAN;
        if (dmaDirty) return UNPIN_DIRTY;
        return b % 3;
    }

    /** A boundary-biased number in {@code 0..max}: page multiple plus a sub-page part, clamped. */
    static int biased(int m, int max, int[] sub) {
        int page = (m >>> 3) % (max / PAGE + 1);
        return Math.min(page * PAGE + sub[m & 7], max);
    }

    static int raw(int lo, int hi, int max) {
        return (lo | hi << 8) % (max + 1);
    }

    /** A byte the function maps to {@code target}; for the encoder. */
    static int inverse(IntUnaryOperator f, int target) {
        for (int b = 0; b < 256; b++) if (f.applyAsInt(b) == target) return b;
        throw new IllegalArgumentException("no byte decodes to " + target);
    }
}
