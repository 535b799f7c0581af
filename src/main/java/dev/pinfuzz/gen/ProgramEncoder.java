package dev.pinfuzz.gen;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The inverse of {@link ProgramDecoder}: a program to bytes that decode back to it, for
 * turning traces into fuzzer inputs. It walks the program with the decoder's own static state
 * and, at each choice, emits a byte the decoder maps to the choice made; numbers use the raw
 * escape. A program outside the decoder's space is refused with {@link IllegalArgumentException}.
 */
public final class ProgramEncoder {
    private final Program p;
    private final GenState st;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final int[] slotOf;

    private ProgramEncoder(Program p) {
        this.p = p;
        this.st = new GenState(ProgramDecoder.pinApi(p.policy()));
        this.slotOf = new int[p.tasks().size()];
    }

    /** Bytes {@code b} with {@code ProgramDecoder.decode(p.policy(), b).equals(p)}. */
    public static byte[] encode(Program p) {
        if (p.policy() == null || dev.pinfuzz.policy.Policies.get(p.policy()) == null)
            throw new IllegalArgumentException("the decoder needs the program's policy");
        if (p.expect() != null) throw new IllegalArgumentException("the decoder produces no expect line");
        if (p.size() > Draw.MAX_STEPS) throw new IllegalArgumentException("more than " + Draw.MAX_STEPS + " steps");
        byte[] b = new ProgramEncoder(p).run();
        if (!ProgramDecoder.decode(p.policy(), b).equals(p))
            throw new IllegalArgumentException("not in the decoder's space:\n" + p);
        return b;
    }

    /** Whether the decoder can produce this program (the encoder accepts it). */
    public static boolean encodable(Program p) {
        try {
            encode(p);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void emit(int b) {
        out.write(b);
    }

    private void raw(int v) {
        emit(Draw.RAW);
        emit(v & 0xff);
        emit(v >>> 8);
    }

    private static IllegalArgumentException refuse(String why) {
        return new IllegalArgumentException(why);
    }

    private byte[] run() {
        int slots = 1;
        for (int t = 0; t < slotOf.length; t++) {
            slotOf[t] = Arrays.asList(Draw.TASKS).indexOf(p.tasks().get(t));
            if (slotOf[t] < 0) throw refuse("task " + p.tasks().get(t) + " is not one of A..D, dev");
            if (slotOf[t] < Draw.DEV) slots = Math.max(slots, slotOf[t] + 1);
        }
        List<FileDecl> files = p.files();
        if (files.size() > Draw.FILES.length) throw refuse("more than " + Draw.FILES.length + " files");
        int ns = slots, nf = files.size();
        emit(Draw.inverse(b -> Draw.taskCount(b) == ns ? 1 : 0, 1));
        emit(Draw.inverse(b -> Draw.fileCount(b) == nf ? 1 : 0, 1));
        st.taskSlots = slots;
        st.files = nf;
        for (int f = 0; f < nf; f++) {
            FileDecl d = files.get(f);
            if (!d.name().equals(Draw.FILES[f])) throw refuse("file " + d.name() + " should be named " + Draw.FILES[f]);
            int pages = d.pages();
            emit(Draw.inverse(Draw::pages, pages));
            boolean tmp = d.fs() == Fs.TMPFS;
            emit(Draw.inverse(b -> Draw.tmpfs(b) == tmp ? 1 : 0, 1));
            st.pages[f] = pages;
            st.tmpfs[f] = tmp;
        }
        for (int i = 0; i < p.size(); i++) step(p.step(i));
        return out.toByteArray();
    }

    private void kind(int kind) {
        int mask = st.mask();
        if ((mask >>> kind & 1) == 0) throw refuse("a step of kind " + kind + " is not possible here");
        emit(Draw.inverse(b -> Draw.kind(b, st.weights, mask), kind));
    }

    private void handle(int kind, int h) {
        int r = st.eligibleRank(kind, h);
        if (r < 0) throw refuse("handle " + p.handles().get(h) + " cannot be used here");
        int n = st.eligibleCount(kind);
        emit(Draw.inverse(b -> Draw.pick(b, n), r));
    }

    private int task(Step s) {
        int slot = s.task() < 0 ? -1 : slotOf[s.task()];
        int r = st.liveRank(slot);
        if (slot == Draw.DEV || r < 0) throw refuse("task cannot run this step");
        int n = st.liveTasks();
        emit(Draw.inverse(b -> Draw.pick(b, n), r));
        return slot;
    }

    private void file(int f) {
        int n = st.files;
        emit(Draw.inverse(b -> Draw.pick(b, n), f));
    }

    private void step(Step s) {
        Op op = s.op();
        if (op instanceof Op.DmaWrite d) {
            if (slotOf[s.task()] != Draw.DEV) throw refuse("only task dev does dma_write");
            kind(Draw.DMA);
            handle(Draw.DMA, d.handle());
            raw(d.off());
            raw(d.len());
            st.dmaDirty(d.handle(), true);
        } else if (op instanceof Op.Release r) {
            owner(s, r.handle());
            kind(Draw.RELEASE);
            handle(Draw.RELEASE, r.handle());
            release(r);
            st.kill(r.handle());
        } else if (op instanceof Op.SetPageDirtyLock d) {
            owner(s, d.handle());
            kind(Draw.DIRTY);
            handle(Draw.DIRTY, d.handle());
            st.dmaDirty(d.handle(), false);
        } else if (op instanceof Op.Crash) {
            kind(Draw.CRASH);
            st.crash();
        } else {
            taskStep(s, op);
        }
    }

    /** The decoder gives a handle's releases and set_page_dirty_lock to the task that took it. */
    private void owner(Step s, int h) {
        if (h >= st.handles || slotOf[s.task()] != st.owner[h])
            throw refuse("handle " + p.handles().get(h) + " is released by a task that did not take it");
    }

    private void taskStep(Step s, Op op) {
        int kind = switch (op.call()) {
            case WRITE -> Draw.WRITE;
            case STORE -> Draw.STORE;
            case GET_USER_PAGES, PIN_USER_PAGES -> Draw.GUP;
            case FSYNC, FDATASYNC, MSYNC, SYNC -> Draw.SYNC;
            case SYNC_FILE_RANGE, WRITEBACK -> Draw.BACKGROUND;
            case RECLAIM -> Draw.RECLAIM;
            case TRUNCATE -> Draw.TRUNCATE;
            case EXIT -> Draw.EXIT;
            default -> throw refuse("unexpected " + op.call().spelling());
        };
        kind(kind);
        int slot = task(s);
        if (op instanceof Op.Write w) {
            file(w.file());
            raw(w.off());
            raw(w.len());
        } else if (op instanceof Op.Store w) {
            file(w.file());
            raw(w.off());
            raw(w.len());
        } else if (op instanceof Op.Gup g) {
            if (g.pin() != st.pinApi) throw refuse(op.call().spelling() + " is not the API of this policy");
            file(g.file());
            int pages = st.pages[g.file()];
            emit(Draw.inverse(b -> Draw.pick(b, pages), g.page()));
            int max = st.pages[g.file()] - g.page();
            emit(Draw.inverse(b -> Draw.nr(b, max), g.nr()));
            emit(Draw.inverse(Draw::flags, g.flags()));
            if (!p.handles().get(s.handle()).equals(Draw.HANDLES[st.handles]))
                throw refuse("handle " + p.handles().get(s.handle()) + " should be named " + Draw.HANDLES[st.handles]);
            st.addHandle(slot, g.nr(), Flags.write(g.flags()));
        } else if (op instanceof Op.Sync y) {
            Call c = y.call();
            emit(Draw.inverse(b -> (kind == Draw.SYNC ? Draw.sync(b) : Draw.background(b)) == c ? 1 : 0, 1));
            if (c != Call.SYNC) file(y.file());
        } else if (op instanceof Op.Truncate t) {
            file(t.file());
            raw(t.size());
        } else if (op instanceof Op.Exit) {
            st.exit(slot);
        }
    }

    private void release(Op.Release r) {
        if (!st.pinApi) {
            if (r.call() != Call.PUT_PAGE) throw refuse(r.call().spelling() + " is not the API of gup-2018");
            return;
        }
        int v = switch (r.call()) {
            case UNPIN_USER_PAGES -> Draw.UNPIN;
            case UNPIN_USER_PAGES_DIRTY_LOCK -> r.dirty() ? Draw.UNPIN_DIRTY : Draw.UNPIN_CLEAN;
            default -> throw refuse(r.call().spelling() + " is not produced by the decoder");
        };
        boolean w = st.write[r.handle()], dd = st.dmaDirty(r.handle());
        emit(Draw.inverse(b -> Draw.release(b, w, dd), v));
    }
}
