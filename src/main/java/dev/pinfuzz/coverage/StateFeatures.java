package dev.pinfuzz.coverage;

import dev.pinfuzz.mm.Folio;
import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.Observer;
import dev.pinfuzz.mm.WaitFor;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;

/**
 * Coverage of the model's states instead of its bytecode: which call ran, and which folio states
 * the pages of the file it touched were in afterwards (dirty, under writeback, without buffers,
 * pinned, ...). A guided fuzzer keeps an input when it reaches a new (call, states) pair, such as
 * {@code reclaim()} leaving a GUP-referenced page without buffers, which is the step before the
 * 2018 {@code set_page_dirty_lock()} WARN.
 *
 * <p>Why not the model's bytecode edges: libFuzzer pays for every edge an execution touches, and
 * the model touches hundreds per program; these are a dozen per program, they name kernel states
 * rather than Java branches, and measured on the canary cells they found each one in fewer
 * executions (BENCHMARKS.md).
 *
 * <p>Slots (the {@code id} of {@link FeatureSink#hit}): {@link #RETURNED} + call after a step
 * returns, with {@link #FAILED} set when it returned an error; {@link #BLOCKED} + call when a step
 * has to wait, with {@link #ON_PINS} set for a wait on pins rather than a page lock;
 * {@link #LOGGED} + call when a step fired a WARN, with bit 7 for a BUG (the final exits count as
 * {@code exit()}); {@link #CRASHED} at power loss and {@link #LIVELOCK} at a livelock, each with
 * state 0. The state is the OR of the flags below over the
 * cached pages of the step's file (every file for {@code sync()}, {@code reclaim()},
 * {@code exit()} and {@code crash()}).
 */
public final class StateFeatures implements Observer {
    public static final int RETURNED = 0;
    public static final int BLOCKED = 32;
    public static final int LOGGED = 64;
    public static final int CRASHED = 96;
    public static final int LIVELOCK = 97;
    /** Slots in all: feature ids are below this. */
    public static final int SLOTS = 128;

    public static final int DIRTY = 1;
    public static final int WRITEBACK = 2;
    /** Cached without buffer heads (ext4 after reclaim dropped them; tmpfs always). */
    public static final int NO_BUFFERS = 4;
    /** Held by {@code FOLL_PIN} (pin_user_pages). */
    public static final int PINNED = 8;
    /** Held by {@code FOLL_GET} (get_user_pages). */
    public static final int GUP_REF = 16;
    public static final int LOCKED = 32;
    /** Mapped into some task's page tables. */
    public static final int MAPPED = 64;
    /** The step returned a negative errno. */
    public static final int FAILED = 128;
    /** The wait is for pins to be released, not for a page lock. */
    public static final int ON_PINS = 128;

    private final Program p;
    private final Kernel k;
    private final FeatureSink sink;
    /**
     * Features already told in this execution, as {@code slot << 8 | state}. libFuzzer sets a
     * feature's counter, so telling it again changes nothing but costs a call into Jazzer, and
     * repeats are common: a 15-step canary program has about 5 distinct features.
     */
    private int[] told = new int[8];
    private int toldCount;

    static {
        // Each call needs its own slot in every group.
        if (Call.values().length > BLOCKED - RETURNED) throw new AssertionError("more calls than feature slots");
    }

    public StateFeatures(Program p, Kernel k, FeatureSink sink) {
        this.p = p;
        this.k = k;
        this.sink = sink;
    }

    @Override
    public void stepReturned(int step, long time, long result) {
        Op op = p.step(step).op();
        hit(RETURNED + op.call().ordinal(), states(fileOf(op)) | (result < 0 ? FAILED : 0));
    }

    @Override
    public void stepBlocked(int step, int task, long time, WaitFor what) {
        if (step < 0) return; // a final exit waiting: the liveness oracle's matter, not a call's
        Op op = p.step(step).op();
        hit(BLOCKED + op.call().ordinal(), states(what.file()) | (what.pins() ? ON_PINS : 0));
    }

    @Override
    public void kernelLog(int step, int task, boolean bug, String message) {
        // step -1: a final exit releasing its handles (put_page, set_page_dirty at exit)
        Op op = step < 0 ? null : p.step(step).op();
        int call = op == null ? Call.EXIT.ordinal() : op.call().ordinal();
        hit(LOGGED + call, (bug ? 128 : 0) | states(op == null ? -1 : fileOf(op)) & 127);
    }

    @Override
    public void crashed(int step, long time) {
        hit(CRASHED, 0); // the page cache is gone by now: nothing to tell apart
    }

    @Override
    public void livelock(int step, int task, long iterations) {
        hit(LIVELOCK, 0);
    }

    /** Tells the sink of a feature the first time this execution reaches it. */
    private void hit(int slot, int state) {
        int f = slot << 8 | state;
        for (int i = 0; i < toldCount; i++) if (told[i] == f) return;
        if (toldCount == told.length) told = java.util.Arrays.copyOf(told, 2 * toldCount);
        told[toldCount++] = f;
        sink.hit(slot, state);
    }

    /** The file a step names, directly or through its handle; -1 for every file. */
    private int fileOf(Op op) {
        if (op instanceof Op.DmaWrite d) return p.gupOf(d.handle()).file();
        if (op instanceof Op.Release r) return p.gupOf(r.handle()).file();
        if (op instanceof Op.SetPageDirtyLock s) return p.gupOf(s.handle()).file();
        return Op.file(op);
    }

    /** The OR of the state flags of the cached pages of {@code file} (-1: of every file). */
    private int states(int file) {
        int s = 0;
        int from = file < 0 ? 0 : file;
        int to = file < 0 ? k.fileCount() : file + 1;
        for (int f = from; f < to; f++) {
            int span = k.cacheSpan(f);
            for (int i = 0; i < span; i++) {
                Folio x = k.cached(f, i);
                if (x != null) s |= states(x);
            }
        }
        return s;
    }

    static int states(Folio x) {
        int s = 0;
        if (x.dirty()) s |= DIRTY;
        if (x.writeback()) s |= WRITEBACK;
        if (!x.buffers()) s |= NO_BUFFERS;
        if (x.pins() > 0) s |= PINNED;
        if (x.gupRefs() > 0) s |= GUP_REF;
        if (x.locked()) s |= LOCKED;
        if (x.mapcount() > 0) s |= MAPPED;
        return s;
    }
}
