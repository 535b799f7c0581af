package dev.pinfuzz.importer;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * One window of an imported program projected into the Jazzer decoder's space (docs/import.md,
 * "Jazzer inputs"): at most 64 steps, 3 files f, g, h of at most 8 pages (offsets modulo 8 pages,
 * ranges clamped inside), CPU tasks A..D and {@code dev} for DMA, handles p, q, r... in order of
 * definition, and only the calls the policy's API has. Steps that become invalid are dropped.
 */
final class Projection {
    static final int MAX_STEPS = 64;
    static final int MAX_FILES = 3;
    static final int MAX_PAGES = 8;
    static final int CPU_TASKS = 4;
    private static final int PAGE = FileDecl.PAGE_SIZE;
    private static final int DEV = CPU_TASKS;
    private static final String[] FILES = {"f", "g", "h"};
    private static final String[] TASKS = {"A", "B", "C", "D", "dev"};

    /** A kept handle: its new index, holder slot, pages, whether writable, live, written by DMA since dirtied. */
    private static final class Handle {
        final int index, slot, nr;
        final boolean write;
        boolean live = true, dmaDirty;

        Handle(int index, int slot, int nr, boolean write) {
            this.index = index;
            this.slot = slot;
            this.nr = nr;
            this.write = write;
        }
    }

    private final Program src;
    private final boolean pinApi;
    private final Map<Integer, Integer> fileOf = new HashMap<>();
    private final Map<Integer, Integer> slotOf = new HashMap<>();
    private final Map<Integer, Handle> handleOf = new HashMap<>();
    private final List<Handle> handles = new ArrayList<>();
    private final boolean[] exited = new boolean[CPU_TASKS];
    /** Steps with slot numbers for tasks (renumbered at the end). */
    private final List<Step> out = new ArrayList<>();

    private Projection(Program src, boolean pinApi) {
        this.src = src;
        this.pinApi = pinApi;
    }

    /**
     * Steps {@code from..to-1} of {@code p} for a policy of the pin API ({@code pinApi}) or the
     * 2018 one, or null when no step survives. Under the pin API, {@code get_user_pages}
     * handles are left out with their steps; under the 2018 API pins become
     * {@code get_user_pages} and a dirty unpin becomes {@code set_page_dirty_lock} + {@code put_page}.
     */
    static Program of(Program p, int from, int to, boolean pinApi, String policy) {
        Projection pr = new Projection(p, pinApi);
        pr.chooseFiles(from, to);
        if (pr.fileOf.isEmpty()) return null;
        pr.chooseTasks(from, to);
        for (int i = from; i < to && pr.out.size() < MAX_STEPS; i++) pr.step(p.step(i));
        return pr.out.isEmpty() ? null : pr.program(policy);
    }

    private boolean usable(Op.Gup g) {
        return !pinApi || g.pin();
    }

    /**
     * At most 3 files: those the window's pins touch, in order; then those touched while a pin
     * is held (an O_DIRECT write's target); then the others, most used first.
     */
    private void chooseFiles(int from, int to) {
        LinkedHashSet<Integer> rank = new LinkedHashSet<>();
        Map<Integer, Integer> lastUse = new HashMap<>();
        for (int i = from; i < to; i++) {
            Step s = src.step(i);
            if (s.op() instanceof Op.Gup g && usable(g)) rank.add(g.file());
            int h = handleUsed(s.op());
            if (h >= 0) lastUse.put(h, i);
        }
        int pinnedUntil = -1;
        for (int i = from; i < to; i++) {
            Step s = src.step(i);
            if (s.op() instanceof Op.Gup g && usable(g)) pinnedUntil = Math.max(pinnedUntil, lastUse.getOrDefault(s.handle(), i));
            else if (i < pinnedUntil && Op.file(s.op()) >= 0) rank.add(Op.file(s.op()));
        }
        Map<Integer, Integer> uses = new LinkedHashMap<>(); // first use first among equals
        for (int i = from; i < to; i++) {
            Op op = src.step(i).op();
            if (!(op instanceof Op.Gup g && !usable(g)) && Op.file(op) >= 0) uses.merge(Op.file(op), 1, Integer::sum);
        }
        uses.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEachOrdered(e -> rank.add(e.getKey()));
        for (int f : rank) if (fileOf.size() < MAX_FILES) fileOf.put(f, fileOf.size());
    }

    static int handleUsed(Op op) {
        if (op instanceof Op.DmaWrite d) return d.handle();
        if (op instanceof Op.Release r) return r.handle();
        if (op instanceof Op.SetPageDirtyLock d) return d.handle();
        return -1;
    }

    /** At most 4 CPU tasks: those that take kept handles, in order; then the others, most steps first. */
    private void chooseTasks(int from, int to) {
        LinkedHashSet<Integer> rank = new LinkedHashSet<>();
        Map<Integer, Integer> uses = new LinkedHashMap<>(); // first use first among equals
        for (int i = from; i < to; i++) {
            Step s = src.step(i);
            if (s.op() instanceof Op.Gup g && usable(g) && fileOf.containsKey(g.file())) rank.add(s.task());
            int f = Op.file(s.op());
            boolean kept = f < 0 ? s.call() == Call.SYNC || s.call() == Call.RECLAIM || s.call() == Call.EXIT : fileOf.containsKey(f);
            if (kept && !(s.op() instanceof Op.Gup g && !usable(g))) uses.merge(s.task(), 1, Integer::sum);
        }
        uses.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEachOrdered(e -> rank.add(e.getKey()));
        for (int t : rank) if (slotOf.size() < CPU_TASKS && !src.tasks().get(t).equals("dev")) slotOf.put(t, slotOf.size());
    }

    private int pages(int srcFile) {
        return Math.min(src.files().get(srcFile).pages(), MAX_PAGES);
    }

    /** A byte offset of a file folded to 8 pages. */
    private int fold(int srcFile, int off) {
        return src.files().get(srcFile).pages() > MAX_PAGES ? off % (MAX_PAGES * PAGE) : off;
    }

    private void emit(int slot, int handle, Op op) {
        if (out.size() < MAX_STEPS) out.add(new Step(slot, handle, op));
    }

    private void step(Step s) {
        Op op = s.op();
        if (op instanceof Op.Crash) {
            emit(-1, -1, op);
            for (Handle h : handles) h.live = false;
            java.util.Arrays.fill(exited, false);
            return;
        }
        if (op instanceof Op.DmaWrite d) {
            Handle h = handleOf.get(d.handle());
            if (h == null || !h.live || !h.write) return;
            int bytes = h.nr * PAGE;
            int off = d.off() % bytes;
            emit(DEV, -1, new Op.DmaWrite(h.index, off, Math.min(d.len(), bytes - off)));
            h.dmaDirty = true;
            return;
        }
        if (op instanceof Op.Release r) {
            release(r);
            return;
        }
        if (op instanceof Op.SetPageDirtyLock d) {
            Handle h = handleOf.get(d.handle());
            if (pinApi || h == null || !h.live || !h.write) return;
            emit(h.slot, -1, new Op.SetPageDirtyLock(h.index));
            h.dmaDirty = false;
            return;
        }
        Integer slot = slotOf.get(s.task());
        if (slot == null || exited[slot]) return;
        if (op instanceof Op.Exit) {
            emit(slot, -1, op);
            exited[slot] = true;
            for (Handle h : handles) if (h.slot == slot) h.live = false;
        } else if (op instanceof Op.Reclaim || op instanceof Op.Sync y && y.file() < 0) {
            emit(slot, -1, op);
        } else {
            taskFileStep(slot, s);
        }
    }

    private void taskFileStep(int slot, Step s) {
        Op op = s.op();
        Integer f = fileOf.get(Op.file(op));
        if (f == null) return;
        int sf = Op.file(op), bytes = pages(sf) * PAGE;
        if (op instanceof Op.Write w) {
            int off = fold(sf, w.off());
            emit(slot, -1, new Op.Write(f, off, Math.min(w.len(), bytes - off)));
        } else if (op instanceof Op.Store w) {
            int off = fold(sf, w.off());
            emit(slot, -1, new Op.Store(f, off, Math.min(w.len(), bytes - off)));
        } else if (op instanceof Op.Sync y) {
            emit(slot, -1, new Op.Sync(y.call(), f));
        } else if (op instanceof Op.Truncate t) {
            emit(slot, -1, new Op.Truncate(f, Math.min(t.size(), bytes)));
        } else if (op instanceof Op.Gup g) {
            if (!usable(g) || handles.size() >= MAX_STEPS || out.size() >= MAX_STEPS) return;
            int pages = pages(sf), nr = Math.min(g.nr(), pages);
            int page = Math.min(fold(sf, g.page() * PAGE) / PAGE, pages - nr);
            Handle h = new Handle(handles.size(), slot, nr, Flags.write(g.flags()));
            handles.add(h);
            handleOf.put(s.handle(), h);
            emit(slot, h.index, new Op.Gup(pinApi, f, page, nr, g.flags()));
        }
    }

    /**
     * The holder releases (a release the log shows in another task, e.g. process_vm_writev's
     * caller, is given to the holder). A writable handle the device wrote is released dirty; only
     * a writable one may be.
     */
    private void release(Op.Release r) {
        Handle h = handleOf.get(r.handle());
        if (h == null || !h.live) return;
        boolean dirty = h.write && (r.dirty() || h.dmaDirty);
        if (pinApi) {
            Call c = r.call() == Call.UNPIN_USER_PAGES || r.call() == Call.PUT_USER_PAGE || r.call() == Call.PUT_PAGE
                    ? Call.UNPIN_USER_PAGES : Call.UNPIN_USER_PAGES_DIRTY_LOCK;
            if (dirty) c = Call.UNPIN_USER_PAGES_DIRTY_LOCK;
            emit(h.slot, -1, new Op.Release(c, h.index, dirty));
        } else {
            if (dirty && out.size() + 2 > MAX_STEPS) return;
            if (dirty) emit(h.slot, -1, new Op.SetPageDirtyLock(h.index));
            emit(h.slot, -1, new Op.Release(Call.PUT_PAGE, h.index, false));
        }
        h.live = false;
    }

    /** Tasks renumbered A, B, ... in order of first appearance, names and indices as the decoder makes them. */
    private Program program(String policy) {
        int[] rename = {-1, -1, -1, -1, DEV};
        int cpu = 0;
        List<String> tasks = new ArrayList<>();
        int[] index = {-1, -1, -1, -1, -1};
        List<Step> steps = new ArrayList<>(out.size());
        for (Step s : out) {
            int t = -1;
            if (s.task() >= 0) {
                if (rename[s.task()] < 0) rename[s.task()] = cpu++;
                int slot = rename[s.task()];
                if (index[slot] < 0) {
                    index[slot] = tasks.size();
                    tasks.add(TASKS[slot]);
                }
                t = index[slot];
            }
            steps.add(new Step(t, s.handle(), s.op()));
        }
        List<FileDecl> files = new ArrayList<>();
        Integer[] bySlot = new Integer[fileOf.size()];
        fileOf.forEach((sf, f) -> bySlot[f] = sf);
        for (int f = 0; f < bySlot.length; f++)
            files.add(new FileDecl(FILES[f], pages(bySlot[f]), src.files().get(bySlot[f]).fs()));
        List<String> names = new ArrayList<>();
        for (int h = 0; h < handles.size(); h++) names.add(h < 11 ? String.valueOf((char) ('p' + h)) : "p" + h);
        return new Program(policy, files, tasks, names, steps, null, null);
    }
}
