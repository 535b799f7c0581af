package dev.pinfuzz.gen;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import java.util.ArrayList;
import java.util.List;

/** The shrinker's transformations, each trying candidates in a fixed order. */
final class Passes {
    private static final String DEV = Draw.TASKS[Draw.DEV];
    private final Shrinker s;

    Passes(Shrinker s) {
        this.s = s;
    }

    private Program best() {
        return s.best;
    }

    /** Delta debugging: chunks of n/2, n/4, ... 1 steps, with the steps that use their handles. */
    boolean removeChunks() {
        boolean changed = false;
        for (int k = Math.max(1, best().size() / 2); ; k = Math.max(1, k / 2)) {
            for (int i = 0; i < best().size(); ) {
                if (s.accept(new Edit(best()).remove(i, Math.min(i + k, best().size())).build())) changed = true;
                else i += k;
            }
            if (k == 1) return changed;
        }
    }

    /** All steps of one task at once. */
    boolean removeTasks() {
        boolean changed = false;
        for (int t = best().tasks().size() - 1; t >= 0; t--) {
            if (t >= best().tasks().size()) continue;
            Edit e = new Edit(best());
            for (int i = 0; i < best().size(); i++) if (e.task[i] == t) e.keep[i] = false;
            changed |= s.accept(e.build());
        }
        return changed;
    }

    /** Task {@code t}'s steps done by an earlier task {@code u} instead (never the device). */
    boolean foldTasks() {
        boolean changed = false;
        for (int t = best().tasks().size() - 1; t > 0; t--) {
            for (int u = 0; u < t && t < best().tasks().size(); u++) {
                List<String> names = best().tasks();
                if (names.get(t).equals(DEV) || names.get(u).equals(DEV)) continue;
                Edit e = new Edit(best());
                for (int i = 0; i < best().size(); i++) if (e.task[i] == t) e.task[i] = u;
                if (s.accept(e.build())) {
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    boolean removeFiles() {
        boolean changed = false;
        for (int f = best().files().size() - 1; f >= 0 && best().files().size() > 1; f--)
            if (f < best().files().size()) changed |= s.accept(new Edit(best()).removeFile(f).build());
        return changed;
    }

    /** Fewer pages (1, half, one less), and ext4 for tmpfs. */
    boolean shrinkPages() {
        boolean changed = false;
        for (int f = 0; f < best().files().size(); f++) {
            FileDecl d = best().files().get(f);
            for (int n : new int[] {1, d.pages() / 2, d.pages() - 1}) {
                if (n < 1 || n >= d.pages()) continue;
                Edit e = new Edit(best());
                e.files.set(f, Shrinker.resized(d, n, d.fs()));
                if (s.accept(e.build())) {
                    changed = true;
                    break;
                }
            }
            d = best().files().get(f);
            if (d.fs() == Fs.TMPFS) {
                Edit e = new Edit(best());
                e.files.set(f, Shrinker.resized(d, d.pages(), Fs.EXT4));
                changed |= s.accept(e.build());
            }
        }
        return changed;
    }

    /** Offsets, lengths, pages and sizes toward 0 and page/sector boundaries, one field at a time. */
    boolean shrinkNumbers() {
        boolean changed = false;
        for (int i = 0; i < best().size(); i++) {
            for (int field = 0; field < Numbers.count(best().step(i).op()); field++) {
                boolean again = true;
                while (again) {
                    again = false;
                    Op op = best().step(i).op();
                    for (int v : Numbers.smaller(Numbers.get(op, field))) {
                        Edit e = new Edit(best());
                        e.ops[i] = Numbers.with(op, field, v);
                        if (s.accept(e.build())) {
                            changed = again = true;
                            break;
                        }
                    }
                }
            }
        }
        return changed;
    }

    /** Drop GUP flags, release clean, fsync for its variants, writeback for sync_file_range. */
    boolean simplify() {
        boolean changed = false;
        for (int i = 0; i < best().size(); i++) {
            for (Op c : simpler(best().step(i).op(), best().files().size())) {
                Edit e = new Edit(best());
                e.ops[i] = c;
                if (s.accept(e.build())) {
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    private static List<Op> simpler(Op op, int files) {
        List<Op> out = new ArrayList<>(4);
        if (op instanceof Op.Gup g) {
            if (Flags.longterm(g.flags())) out.add(new Op.Gup(g.pin(), g.file(), g.page(), g.nr(), g.flags() & ~Flags.FOLL_LONGTERM));
            if (Flags.write(g.flags())) out.add(new Op.Gup(g.pin(), g.file(), g.page(), g.nr(), g.flags() & ~Flags.FOLL_WRITE));
        } else if (op instanceof Op.Release r) {
            if (r.call() == Call.UNPIN_USER_PAGES_DIRTY_LOCK && r.dirty()) out.add(new Op.Release(r.call(), r.handle(), false));
            if (r.call() == Call.UNPIN_USER_PAGES_DIRTY_LOCK && !r.dirty()) out.add(new Op.Release(Call.UNPIN_USER_PAGES, r.handle(), false));
        } else if (op instanceof Op.Sync y) {
            if (y.call() == Call.FDATASYNC || y.call() == Call.MSYNC) out.add(new Op.Sync(Call.FSYNC, y.file()));
            if (y.call() == Call.SYNC) for (int f = 0; f < files; f++) out.add(new Op.Sync(Call.FSYNC, f));
            if (y.call() == Call.SYNC_FILE_RANGE) out.add(new Op.Sync(Call.WRITEBACK, y.file()));
        }
        return out;
    }

    /** Tasks A, B, ... (dev stays dev), handles p, q, ..., files f, g, h in order of appearance. */
    void canonicalNames() {
        Edit e = new Edit(best());
        int cpu = 0;
        for (int t = 0; t < e.taskName.length; t++)
            if (!e.taskName[t].equals(DEV)) e.taskName[t] = cpu < 26 ? String.valueOf((char) ('A' + cpu++)) : "T" + cpu++;
        for (int h = 0; h < e.handleName.length; h++) e.handleName[h] = h < Draw.HANDLES.length ? Draw.HANDLES[h] : "p" + h;
        for (int f = 0; f < e.files.size(); f++) {
            FileDecl d = e.files.get(f);
            e.files.set(f, new FileDecl(f < Draw.FILES.length ? Draw.FILES[f] : "f" + f, d.pages(), d.fs()));
        }
        s.accept(e.build());
    }
}
