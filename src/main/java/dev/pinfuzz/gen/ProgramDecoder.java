package dev.pinfuzz.gen;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to a well-formed program (DESIGN §3) for one policy: the search space shared by
 * {@code pinfuzz check} (seeded random bytes) and the Jazzer targets (fuzzer bytes).
 *
 * <p>Layout: a header (task slots, files with pages and fs), then one step per group of bytes:
 * a weighted kind among those possible now, then its task, file or handle, and its numbers.
 * Running out of bytes ends the program (a partial step is dropped). Names and indices are
 * assigned in first-appearance order, exactly as {@code TraceParser} would.
 */
public final class ProgramDecoder {
    private static final Op.Reclaim RECLAIM = new Op.Reclaim();
    private static final Op.Exit EXIT = new Op.Exit();
    private static final Op.Crash CRASH = new Op.Crash();

    private final ByteSource in;
    private final GenState st;
    /**
     * The input ended inside the current step: {@link #u8()} then reads zeros and the step is
     * dropped before it changes anything. A flag, not an exception: unwinding a thrown exception
     * out of compiled code cost more than decoding the whole program.
     */
    private boolean ended;

    private ProgramDecoder(ByteSource in, boolean pinApi) {
        this.in = in;
        this.st = new GenState(pinApi);
    }

    /** A fuzzer input: at most {@value Draw#MAX_STEPS} steps, fewer when the bytes end. */
    public static Program decode(String policy, byte[] data) {
        return decode(policy, ByteSource.of(data), Draw.MAX_STEPS);
    }

    /** At most {@code maxSteps} steps (capped at {@value Draw#MAX_STEPS}), fewer when the bytes end. */
    public static Program decode(String policy, ByteSource in, int maxSteps) {
        WritebackPolicy pol = Policies.get(policy);
        if (pol == null) throw new IllegalArgumentException("unknown policy '" + policy + "'");
        return new ProgramDecoder(in, pol.tracksPins()).run(policy, Math.min(maxSteps, Draw.MAX_STEPS));
    }

    /** Whether programs for this policy use the pin API ({@code pin_user_pages}/{@code unpin_*}). */
    static boolean pinApi(String policy) {
        return Policies.get(policy).tracksPins();
    }

    private int u8() {
        int b = in.next();
        if (b >= 0) return b;
        ended = true;
        return 0;
    }

    /** Header bytes default to 0, so an empty input is still a program (one file, no steps). */
    private int u8OrZero() {
        int b = in.next();
        return b < 0 ? 0 : b;
    }

    private int number(int max, int[] sub) {
        int m = u8();
        if (m < Draw.RAW) return Draw.biased(m, max, sub);
        int lo = u8();
        return Draw.raw(lo, u8(), max);
    }

    private Program run(String policy, int maxSteps) {
        st.taskSlots = Draw.taskCount(u8OrZero());
        st.files = Draw.fileCount(u8OrZero());
        List<FileDecl> files = new ArrayList<>(st.files);
        for (int f = 0; f < st.files; f++) {
            st.pages[f] = Draw.pages(u8OrZero());
            st.tmpfs[f] = Draw.tmpfs(u8OrZero());
            files.add(new FileDecl(Draw.FILES[f], st.pages[f], st.tmpfs[f] ? Fs.TMPFS : Fs.EXT4));
        }
        List<String> tasks = new ArrayList<>(Draw.TASKS.length);
        List<String> handles = new ArrayList<>();
        List<Step> steps = new ArrayList<>(maxSteps);
        while (steps.size() < maxSteps) {
            Step s = step(tasks, handles);
            if (s == null) break; // the input is used up: the program ends here
            steps.add(s);
        }
        return new Program(policy, files, tasks, handles, steps, null, null);
    }

    /** Reads one step, then commits it to the static state; null, changing nothing, when the input ends inside it. */
    private Step step(List<String> tasks, List<String> handles) {
        int kind = Draw.kind(u8(), st.weights, st.mask());
        if (ended) return null;
        int slot;
        int h = -1;
        Op op;
        switch (kind) {
            case Draw.DMA -> {
                h = st.eligibleHandle(kind, Draw.pick(u8(), st.eligibleCount(kind)));
                int bytes = st.nr[h] * Draw.PAGE;
                int off = number(bytes - 1, Draw.OFF_SUB);
                op = new Op.DmaWrite(h, off, number(bytes - off, Draw.LEN_SUB));
                if (ended) return null;
                st.dmaDirty(h, true);
                return new Step(st.taskIndex(Draw.DEV, tasks), -1, op);
            }
            case Draw.RELEASE, Draw.DIRTY -> {
                h = st.eligibleHandle(kind, Draw.pick(u8(), st.eligibleCount(kind)));
                op = kind == Draw.DIRTY ? new Op.SetPageDirtyLock(h) : release(h);
                if (ended) return null;
                if (kind == Draw.DIRTY) st.dmaDirty(h, false);
                else st.kill(h);
                return new Step(st.taskIndex(st.owner[h], tasks), -1, op);
            }
            case Draw.CRASH -> {
                st.crash();
                return new Step(-1, -1, CRASH);
            }
            default -> slot = st.liveTask(Draw.pick(u8(), st.liveTasks()));
        }
        int handle = -1;
        switch (kind) {
            case Draw.WRITE, Draw.STORE -> {
                int f = Draw.pick(u8(), st.files);
                int bytes = st.pages[f] * Draw.PAGE;
                int off = number(bytes - 1, Draw.OFF_SUB);
                int len = number(bytes - off, Draw.LEN_SUB);
                op = kind == Draw.WRITE ? new Op.Write(f, off, len) : new Op.Store(f, off, len);
            }
            case Draw.GUP -> {
                int f = Draw.pick(u8(), st.files);
                int page = Draw.pick(u8(), st.pages[f]);
                int nr = Draw.nr(u8(), st.pages[f] - page);
                int flags = Draw.flags(u8());
                op = new Op.Gup(st.pinApi, f, page, nr, flags);
                if (ended) return null;
                handle = st.addHandle(slot, nr, dev.pinfuzz.program.Flags.write(flags));
                handles.add(Draw.HANDLES[handle]);
            }
            case Draw.SYNC, Draw.BACKGROUND -> {
                Call c = kind == Draw.SYNC ? Draw.sync(u8()) : Draw.background(u8());
                op = new Op.Sync(c, c == Call.SYNC ? -1 : Draw.pick(u8(), st.files));
            }
            case Draw.TRUNCATE -> {
                int f = Draw.pick(u8(), st.files);
                op = new Op.Truncate(f, number(st.pages[f] * Draw.PAGE, Draw.OFF_SUB));
            }
            case Draw.RECLAIM -> op = RECLAIM;
            case Draw.EXIT -> {
                op = EXIT;
                if (ended) return null;
                st.exit(slot);
            }
            default -> throw new AssertionError(kind);
        }
        if (ended) return null;
        return new Step(st.taskIndex(slot, tasks), handle, op);
    }

    private Op release(int h) {
        if (!st.pinApi) return new Op.Release(Call.PUT_PAGE, h, false);
        return switch (Draw.release(u8(), st.write[h], st.dmaDirty(h))) {
            case Draw.UNPIN -> new Op.Release(Call.UNPIN_USER_PAGES, h, false);
            case Draw.UNPIN_DIRTY -> new Op.Release(Call.UNPIN_USER_PAGES_DIRTY_LOCK, h, true);
            default -> new Op.Release(Call.UNPIN_USER_PAGES_DIRTY_LOCK, h, false);
        };
    }
}
