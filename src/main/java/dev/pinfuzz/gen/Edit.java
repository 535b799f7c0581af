package dev.pinfuzz.gen;

import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A change to a program, rebuilt with fresh name tables in first-appearance order, as the
 * parser would number them. Removing a step also removes the steps that use the handle it
 * defined; removing a file removes the steps that touch it.
 */
final class Edit {
    final Program p;
    final boolean[] keep;
    final Op[] ops;
    /** New name of each task of {@code p}. */
    final String[] taskName;
    /** New task of each step (an index into {@code p}'s task table), -1 for crash(). */
    final int[] task;
    final List<FileDecl> files;
    /** Old file index to new, -1 when removed. */
    final int[] fileMap;
    final String[] handleName;

    Edit(Program p) {
        this.p = p;
        int n = p.size();
        keep = new boolean[n];
        ops = new Op[n];
        task = new int[n];
        for (int i = 0; i < n; i++) {
            keep[i] = true;
            ops[i] = p.step(i).op();
            task[i] = p.step(i).task();
        }
        taskName = p.tasks().toArray(new String[0]);
        handleName = p.handles().toArray(new String[0]);
        files = new ArrayList<>(p.files());
        fileMap = new int[files.size()];
        for (int f = 0; f < fileMap.length; f++) fileMap[f] = f;
    }

    Edit remove(int from, int to) {
        for (int i = from; i < to; i++) keep[i] = false;
        return this;
    }

    /** Drops file {@code f} (by its index in {@code p}). */
    Edit removeFile(int f) {
        files.remove(fileMap[f]);
        fileMap[f] = -1;
        for (int g = f + 1; g < fileMap.length; g++) if (fileMap[g] >= 0) fileMap[g]--;
        return this;
    }

    Program build() {
        int n = p.size();
        int[] handleMap = new int[p.handles().size()];
        java.util.Arrays.fill(handleMap, -1);
        List<String> handles = new ArrayList<>();
        List<String> tasks = new ArrayList<>();
        Map<String, Integer> taskIdx = new HashMap<>();
        List<Step> steps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!keep[i]) continue;
            Op op = remap(ops[i], fileMap, handleMap);
            if (op == null) {
                keep[i] = false; // its file or handle is gone
                continue;
            }
            int h = -1;
            if (p.step(i).handle() >= 0) {
                h = handles.size();
                handleMap[p.step(i).handle()] = h;
                handles.add(handleName[p.step(i).handle()]);
            }
            int t = -1;
            if (task[i] >= 0) t = taskIdx.computeIfAbsent(taskName[task[i]], k -> {
                tasks.add(k);
                return tasks.size() - 1;
            });
            steps.add(new Step(t, h, op));
        }
        return new Program(p.policy(), files, tasks, handles, steps, p.expect(), null);
    }

    /** The op with new file and handle indices, or null when one of them was removed. */
    static Op remap(Op op, int[] fm, int[] hm) {
        if (op instanceof Op.Write w) return fm[w.file()] < 0 ? null : new Op.Write(fm[w.file()], w.off(), w.len());
        if (op instanceof Op.Store s) return fm[s.file()] < 0 ? null : new Op.Store(fm[s.file()], s.off(), s.len());
        if (op instanceof Op.Gup g) return fm[g.file()] < 0 ? null : new Op.Gup(g.pin(), fm[g.file()], g.page(), g.nr(), g.flags());
        if (op instanceof Op.DmaWrite d) return hm[d.handle()] < 0 ? null : new Op.DmaWrite(hm[d.handle()], d.off(), d.len());
        if (op instanceof Op.Release r) return hm[r.handle()] < 0 ? null : new Op.Release(r.call(), hm[r.handle()], r.dirty());
        if (op instanceof Op.SetPageDirtyLock d) return hm[d.handle()] < 0 ? null : new Op.SetPageDirtyLock(hm[d.handle()]);
        if (op instanceof Op.Sync y) return y.file() < 0 ? y : fm[y.file()] < 0 ? null : new Op.Sync(y.call(), fm[y.file()]);
        if (op instanceof Op.Truncate t) return fm[t.file()] < 0 ? null : new Op.Truncate(fm[t.file()], t.size());
        return op;
    }
}
