package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * No fsync lie (DESIGN §3). Computes from the program and the step timeline which write each
 * byte must hold after each successful data-integrity sync, and compares with the bytes the disk
 * would keep: when the sync returns (as if power failed then) and at every {@code crash()}.
 */
final class DurabilityOracle {
    private static final int PAGE = FileDecl.PAGE_SIZE;

    private final Timeline tl;
    private final Program p;
    private final Kernel k;
    private final AckState[] files;
    private final List<Promise> promises = new ArrayList<>();
    /** Per integrity-sync step: what its 0 return would promise, taken at its start. */
    private final List<List<Promise>> pendingPromises = new ArrayList<>();
    /** Per handle: DMA steps that landed and wait for their acknowledgement. */
    private final List<List<Integer>> pendingDma = new ArrayList<>();
    /** Per crash step and file: bytes from here on were zeroed by that power loss. */
    private final int[][] crashFrom;
    private final List<Finding> findings;

    /** The acknowledged state at a sync's start, promised by its 0 return. */
    private record Promise(int step, int file, int size, int[][] stamp, int[][] land, int baseLand) {}

    DurabilityOracle(Timeline tl, Kernel k, List<Finding> findings) {
        this.tl = tl;
        this.p = tl.p;
        this.k = k;
        this.findings = findings;
        this.files = new AckState[p.files().size()];
        for (int f = 0; f < files.length; f++)
            if (p.files().get(f).fs() == Fs.EXT4) files[f] = new AckState(p.files().get(f));
        for (int i = 0; i < p.size(); i++) pendingPromises.add(null);
        for (int h = 0; h < p.handles().size(); h++) pendingDma.add(new ArrayList<>());
        this.crashFrom = new int[p.size()][];
    }

    void stepStarted(int i, long t) {
        Op op = p.step(i).op();
        if (op instanceof Op.Write w) {
            if (files[w.file()] != null) files[w.file()].size = Math.max(files[w.file()].size, w.off() + w.len());
        } else if (op instanceof Op.Truncate tr) {
            if (files[tr.file()] != null) files[tr.file()].size = tr.size();
        } else if (op instanceof Op.DmaWrite d) {
            if (landed(i) && !Flags.longterm(p.gupOf(d.handle()).flags())) pendingDma.get(d.handle()).add(i);
        } else if (op instanceof Op.Sync s && s.call().isIntegritySync() && pendingPromises.get(i) == null) {
            List<Promise> l = new ArrayList<>(1);
            for (int f = 0; f < files.length; f++) {
                if (files[f] == null || (s.file() >= 0 && s.file() != f)) continue;
                AckState a = files[f];
                l.add(new Promise(i, f, a.size, deepCopy(a.stamp), deepCopy(a.land), a.baseLand));
            }
            pendingPromises.set(i, l);
        }
    }

    /** Called before the timeline records the return. */
    void stepReturned(int i, long t, long r) {
        Op op = p.step(i).op();
        int land = (int) tl.start(i);
        if (op instanceof Op.Write w) {
            if (r >= 0) ack(w.file(), w.off(), w.off() + w.len(), p.line(i), land);
        } else if (op instanceof Op.Store s) {
            if (r >= 0) ack(s.file(), s.off(), s.off() + s.len(), p.line(i), land);
        } else if (op instanceof Op.Truncate tr) {
            ack(tr.file(), tr.size(), p.files().get(tr.file()).bytes(), p.line(i), land);
        } else if (op instanceof Op.DmaWrite d) {
            if (landed(i) && Flags.longterm(p.gupOf(d.handle()).flags())) ackDma(i);
        } else if (op instanceof Op.SetPageDirtyLock s) {
            ackPending(s.handle(), tl.start(i));
        } else if (op instanceof Op.Release rel) {
            if (rel.dirty()) ackPending(rel.handle(), tl.start(i));
            pendingDma.get(rel.handle()).clear();
        } else if (op instanceof Op.Exit) {
            int task = p.step(i).task();
            for (int h = 0; h < p.handles().size(); h++) {
                if (!tl.live(h) || tl.owner(h) != task) continue;
                if (Flags.write(p.gupOf(h).flags())) ackPending(h, tl.start(i));
                pendingDma.get(h).clear();
            }
        } else if (op instanceof Op.Sync s && s.call().isIntegritySync()) {
            List<Promise> l = pendingPromises.set(i, null);
            if (r == 0 && l != null) {
                for (Promise pr : l) admit(pr);
                judge("if power failed when it returned");
            }
        }
    }

    void crashed(int i, long t) {
        // The model has already zeroed (stamped with this crash) the bytes past the durable
        // size; record that before judging, so those bytes count as removed by the truncate
        // whose size an fsync made durable, not as a lost write.
        crashFrom[i] = new int[files.length];
        for (int f = 0; f < files.length; f++) if (files[f] != null) crashFrom[i][f] = k.durableSize(f);
        judge("at the crash() at line " + p.line(i));
        promises.clear();
        for (int j = 0; j < pendingPromises.size(); j++) pendingPromises.set(j, null);
        for (List<Integer> l : pendingDma) l.clear();
        for (int f = 0; f < files.length; f++) if (files[f] != null) files[f].rebase(k, f, (int) t);
    }

    /**
     * Adds a promise, dropping the older ones of the same file it implies: a later sync's
     * acknowledged set is a superset, so what it allows per byte is a subset, over at least as
     * many bytes when the size did not shrink. Keeps judging linear in program length.
     */
    private void admit(Promise pr) {
        promises.removeIf(old -> old.file == pr.file && old.size <= pr.size);
        promises.add(pr);
    }

    /** A DMA lands if its handle's GUP returned pages before the DMA started. */
    private boolean landed(int i) {
        int h = ((Op.DmaWrite) p.step(i).op()).handle();
        int def = p.handleDefinition(h);
        return tl.end(def) != Timeline.NEVER && tl.result(def) >= 0 && tl.end(def) < tl.start(i);
    }

    private void ackPending(int h, long dirtyStart) {
        List<Integer> l = pendingDma.get(h);
        l.removeIf(d -> {
            if (tl.start(d) >= dirtyStart) return false;
            ackDma(d);
            return true;
        });
    }

    private void ackDma(int d) {
        Op.DmaWrite dma = (Op.DmaWrite) p.step(d).op();
        Op.Gup g = p.gupOf(dma.handle());
        int base = g.page() * PAGE;
        ack(g.file(), base + dma.off(), base + dma.off() + dma.len(), p.line(d), (int) tl.start(d));
    }

    private void ack(int f, int from, int to, int stamp, int land) {
        if (files[f] != null) files[f].ack(from, to, stamp, land);
    }

    /** Checks every standing promise against the bytes the disk would keep right now. */
    private void judge(String when) {
        for (Promise pr : promises) {
            ByteRangeReport rep = new ByteRangeReport();
            for (int pg = 0; pg * PAGE < pr.size; pg++) {
                int[] disk = k.durablePage(pr.file, pg);
                int[] es = pr.stamp[pg];
                int[] el = pr.land[pg];
                if (disk == null && es == null) continue;
                int n = Math.min(PAGE, pr.size - pg * PAGE);
                for (int o = 0; o < n; o++) {
                    int b = pg * PAGE + o;
                    int seen = disk == null ? 0 : disk[o];
                    int want = es == null ? 0 : es[o];
                    if (seen == want) continue;
                    int wantLand = el == null ? pr.baseLand : el[o];
                    if (!laterWrite(seen, pr.file, b, wantLand)) rep.add(b, seen, want);
                }
            }
            if (!rep.empty()) findings.add(new Finding(Verdict.DURABILITY, explain(pr, when, rep)));
        }
    }

    /** Whether {@code stamp} is a write to byte {@code b} of file {@code f} that landed after {@code after}. */
    private boolean laterWrite(int stamp, int f, int b, int after) {
        int j = tl.stepOfLine(stamp);
        if (j < 0 || tl.start(j) == Timeline.NEVER || tl.start(j) <= after) return false;
        Op op = p.step(j).op();
        if (op instanceof Op.Write w) return w.file() == f && b >= w.off() && b < w.off() + w.len();
        if (op instanceof Op.Store s)
            return s.file() == f && b >= s.off() && b < s.off() + s.len() && !(tl.returned(j) && tl.result(j) < 0);
        if (op instanceof Op.Truncate tr) return tr.file() == f && b >= tr.size();
        if (op instanceof Op.DmaWrite d) {
            Op.Gup g = p.gupOf(d.handle());
            int base = g.page() * PAGE + d.off();
            return g.file() == f && b >= base && b < base + d.len() && landed(j);
        }
        if (op instanceof Op.Crash) return crashFrom[j] != null && b >= crashFrom[j][f];
        return false;
    }

    private String explain(Promise pr, String when, ByteRangeReport rep) {
        String file = p.files().get(pr.file).name();
        ByteRangeReport.Range r = rep.first();
        StringBuilder sb = new StringBuilder();
        sb.append(tl.describe(pr.step)).append(" returned 0, but ").append(when.replace("it returned", "it returned")).append(", bytes ")
                .append(r.from()).append("..").append(r.to()).append(" of ").append(file)
                .append(" hold the value from ").append(source(r.seen()))
                .append("; the last write acknowledged before it began was ").append(source(r.want()));
        if (rep.ranges() > 1) sb.append(" (and ").append(rep.ranges() - 1).append(" more byte range(s) wrong)");
        return sb.toString();
    }

    private String source(int stamp) {
        if (stamp == 0) return "line 0 (the file's initial zeros)";
        int j = tl.stepOfLine(stamp);
        return j < 0 ? "line " + stamp + " (no such step)" : "line " + stamp + " (" + tl.describe(j).replaceFirst(" at line \\d+", "") + ")";
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) if (a[i] != null) c[i] = a[i].clone();
        return c;
    }
}
