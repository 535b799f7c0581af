package dev.pinfuzz.gen;

/**
 * What the decoder (and, mirroring it, the encoder) knows statically while it lays out steps:
 * which task slots have exited, which handles are live, writable, and written by the device
 * since they were last dirtied. It decides which kinds of step are possible next.
 */
final class GenState {
    final boolean pinApi;
    final int[] weights;
    /** Kinds with a non-zero weight, as a bit mask. */
    private final int weighted;
    int taskSlots;
    int files;
    final int[] pages = new int[Draw.FILES.length];
    final boolean[] tmpfs = new boolean[Draw.FILES.length];
    private final boolean[] exited = new boolean[Draw.TASKS.length];
    /** Slot to task index in the program's table (first appearance), -1 before. */
    final int[] taskIndex = {-1, -1, -1, -1, -1};
    int tasksSeen;

    int handles;
    final int[] owner = new int[Draw.MAX_HANDLES];
    final int[] nr = new int[Draw.MAX_HANDLES];
    final boolean[] write = new boolean[Draw.MAX_HANDLES];
    private final boolean[] live = new boolean[Draw.MAX_HANDLES];
    /** The device wrote through it since the holder last dirtied it: it must be released dirty. */
    private final boolean[] dmaDirty = new boolean[Draw.MAX_HANDLES];
    /**
     * Live writable handles (DMA and set_page_dirty_lock targets) and live releasable ones, kept
     * as the handles change: {@link #mask()} runs before every step, and counting by a scan made
     * decoding quadratic in the number of GUP calls.
     */
    private int liveWritable;
    private int releasable;

    GenState(boolean pinApi) {
        this.pinApi = pinApi;
        this.weights = pinApi ? Draw.WEIGHTS_PIN : Draw.WEIGHTS_GET;
        int w = 0;
        for (int k = 0; k < Draw.KINDS; k++) if (weights[k] != 0) w |= 1 << k;
        this.weighted = w;
    }

    int liveTasks() {
        int n = 0;
        for (int s = 0; s < taskSlots; s++) if (!exited[s]) n++;
        return n;
    }

    /** The {@code k}-th CPU task slot that has not exited. */
    int liveTask(int k) {
        for (int s = 0; s < taskSlots; s++) if (!exited[s] && k-- == 0) return s;
        throw new IllegalStateException("no live task " + k);
    }

    /** The k-th slot's rank among live slots, or -1 when it cannot act. */
    int liveRank(int slot) {
        if (slot < 0 || slot >= taskSlots || exited[slot]) return -1;
        int r = 0;
        for (int s = 0; s < slot; s++) if (!exited[s]) r++;
        return r;
    }

    boolean exited(int slot) {
        return slot < Draw.DEV && exited[slot];
    }

    /** Whether handle {@code h} can be the target of a step of this kind. */
    boolean eligible(int kind, int h) {
        if (!live[h]) return false;
        return switch (kind) {
            case Draw.DMA, Draw.DIRTY -> write[h];
            case Draw.RELEASE -> pinApi || !dmaDirty[h];
            default -> false;
        };
    }

    int eligibleCount(int kind) {
        return switch (kind) {
            case Draw.DMA, Draw.DIRTY -> liveWritable;
            case Draw.RELEASE -> releasable;
            default -> 0;
        };
    }

    boolean dmaDirty(int h) {
        return dmaDirty[h];
    }

    /** The device wrote through {@code h} (true), or its holder dirtied the pages (false). */
    void dmaDirty(int h, boolean v) {
        if (live[h] && !pinApi && dmaDirty[h] != v) releasable += v ? -1 : 1;
        dmaDirty[h] = v;
    }

    /** {@code h} is released, or its holder gone. */
    void kill(int h) {
        if (!live[h]) return;
        if (write[h]) liveWritable--;
        if (pinApi || !dmaDirty[h]) releasable--;
        live[h] = false;
    }

    int eligibleHandle(int kind, int k) {
        for (int h = 0; h < handles; h++) if (eligible(kind, h) && k-- == 0) return h;
        throw new IllegalStateException("no eligible handle " + k);
    }

    /** The handle's rank among eligible ones, or -1. */
    int eligibleRank(int kind, int h) {
        if (h >= handles || !eligible(kind, h)) return -1;
        int r = 0;
        for (int i = 0; i < h; i++) if (eligible(kind, i)) r++;
        return r;
    }

    /** Kinds possible now, as a bit mask. */
    int mask() {
        int m = 1 << Draw.CRASH;
        if (liveTasks() > 0) {
            m |= 1 << Draw.WRITE | 1 << Draw.STORE | 1 << Draw.SYNC | 1 << Draw.BACKGROUND | 1 << Draw.RECLAIM
                    | 1 << Draw.TRUNCATE | 1 << Draw.EXIT;
            if (handles < Draw.MAX_HANDLES) m |= 1 << Draw.GUP;
        }
        if (eligibleCount(Draw.DMA) > 0) m |= 1 << Draw.DMA;
        if (eligibleCount(Draw.RELEASE) > 0) m |= 1 << Draw.RELEASE;
        if (!pinApi && eligibleCount(Draw.DIRTY) > 0) m |= 1 << Draw.DIRTY;
        return m & weighted;
    }

    /** Task index of a slot in the program's table, assigning it on first appearance. */
    int taskIndex(int slot, java.util.List<String> names) {
        if (taskIndex[slot] < 0) {
            taskIndex[slot] = tasksSeen++;
            names.add(Draw.TASKS[slot]);
        }
        return taskIndex[slot];
    }

    int addHandle(int slot, int pagesTaken, boolean writable) {
        int h = handles++;
        owner[h] = slot;
        nr[h] = pagesTaken;
        write[h] = writable;
        live[h] = true;
        dmaDirty[h] = false;
        if (writable) liveWritable++;
        releasable++;
        return h;
    }

    void exit(int slot) {
        exited[slot] = true;
        for (int h = 0; h < handles; h++) if (owner[h] == slot) kill(h);
    }

    /** Power loss: every pin vanishes, every task may run again. */
    void crash() {
        java.util.Arrays.fill(exited, false);
        java.util.Arrays.fill(live, 0, handles, false);
        liveWritable = 0;
        releasable = 0;
    }
}
