package dev.pinfuzz.oracle;

import dev.pinfuzz.mm.Kernel;
import dev.pinfuzz.mm.Runs;
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
    /** Per integrity-sync step: what its 0 return would promise, taken at its start; null when none is pending. */
    private final List<Promise>[] pendingPromises;
    /** Per handle: DMA steps that landed and wait for their acknowledgement; null for none. */
    private final List<Integer>[] pendingDma;
    /** The program's truncate steps, in order: the only steps that can orphan a page. */
    private final int[] truncates;
    /** Per crash step and file: bytes from here on were zeroed by that power loss. */
    private final int[][] crashFrom;
    /** Per write/store/truncate step: when each part of its range landed (see {@link Landing}). */
    private final Landing landing;
    /** Truncate steps that have run (they run whole, at their return). */
    private final boolean[] truncated;
    /** Per DMA step: its handle was held when it started, so its bytes reached the page. */
    private final boolean[] dmaLanded;
    /** Per truncate or DMA step: i_size when it started (DMA) or ran (truncate) (a truncate that does not shrink writes nothing). */
    private final int[] sizeBefore;
    private final List<Finding> findings;
    private final boolean tracksPins;

    /** The acknowledged state at a sync's start, promised by its 0 return. */
    private record Promise(int step, int file, int size, Runs[] pages, int baseLand) {}

    DurabilityOracle(Timeline tl, Kernel k, List<Finding> findings) {
        this.tl = tl;
        this.p = tl.p;
        this.k = k;
        this.findings = findings;
        this.files = new AckState[p.files().size()];
        for (int f = 0; f < files.length; f++)
            if (p.files().get(f).fs() == Fs.EXT4) files[f] = new AckState(p.files().get(f));
        this.crashFrom = new int[p.size()][];
        this.tracksPins = k.policy().tracksPins();
        this.landing = new Landing(p);
        this.sizeBefore = new int[p.size()];
        this.truncated = new boolean[p.size()];
        this.dmaLanded = new boolean[p.size()];
        @SuppressWarnings("unchecked") List<Promise>[] pp = new List[p.size()];
        @SuppressWarnings("unchecked") List<Integer>[] pd = new List[p.handles().size()];
        this.pendingPromises = pp;
        this.pendingDma = pd;
        int n = 0;
        int[] tr = new int[p.size()];
        for (int j = 0; j < p.size(); j++) if (p.step(j).op() instanceof Op.Truncate) tr[n++] = j;
        this.truncates = java.util.Arrays.copyOf(tr, n);
    }

    void stepBlocked(int i, dev.pinfuzz.mm.WaitFor w) {
        landing.blocked(i, w.page());
    }

    void stepResumed(int i, long t) {
        landing.resumed(i, (int) t);
    }

    void stepStarted(int i, long t) {
        Op op = p.step(i).op();
        landing.started(i, (int) t);
        if (op instanceof Op.DmaWrite d) {
            // Through a handle not held now (its GUP has not run or failed, or it was released, by
            // its owner's exit or BUG too) the device writes nothing the kernel still maps.
            if (tl.live(d.handle())) dmaLanded[i] = true;
            int f = p.gupOf(d.handle()).file();
            if (files[f] != null) sizeBefore[i] = files[f].size;
            if (landed(i) && !Flags.longterm(p.gupOf(d.handle()).flags())) {
                if (pendingDma[d.handle()] == null) pendingDma[d.handle()] = new ArrayList<>(2);
                pendingDma[d.handle()].add(i);
            }
        } else if (op instanceof Op.Sync s && s.call().isIntegritySync() && pendingPromises[i] == null) {
            List<Promise> l = new ArrayList<>(1);
            for (int f = 0; f < files.length; f++) {
                if (files[f] == null || (s.file() >= 0 && s.file() != f)) continue;
                AckState a = files[f];
                l.add(new Promise(i, f, a.size, a.copyPages(), a.baseLand));
            }
            pendingPromises[i] = l;
        }
    }

    /** Called before the timeline records the return. */
    void stepReturned(int i, long t, long r) {
        Op op = p.step(i).op();
        if (op instanceof Op.Write w) {
            // i_size grows as the write copies; counting it only once the write returned keeps the
            // oracle's size at or below the model's, so it never judges bytes past EOF.
            if (files[w.file()] != null && w.len() > 0) files[w.file()].setSize(Math.max(files[w.file()].size, w.off() + w.len()), (int) t);
            if (r >= 0) ackLanded(i, w.file(), w.off(), w.off() + w.len(), false);
        } else if (op instanceof Op.Store s) {
            if (r >= 0) ackLanded(i, s.file(), s.off(), s.off() + s.len(), true);
        } else if (op instanceof Op.Truncate tr) {
            // A truncate waits until it can run whole (i_rwsem), so it lands when it returns.
            landing.landedWhole(i, (int) t);
            truncated[i] = true;
            if (files[tr.file()] != null) {
                sizeBefore[i] = files[tr.file()].size;
                files[tr.file()].setSize(tr.size(), (int) t);
            }
            if (shrinks(i)) ackLanded(i, tr.file(), tr.size(), p.files().get(tr.file()).bytes(), false);
        } else if (op instanceof Op.DmaWrite d) {
            if (landed(i) && Flags.longterm(p.gupOf(d.handle()).flags())) ackDma(i);
        } else if (op instanceof Op.SetPageDirtyLock s) {
            if (!pinKind(s.handle())) ackPending(s.handle(), tl.start(i)); // FOLL_GET: acknowledged here
        } else if (op instanceof Op.Release rel) {
            // FOLL_PIN: at its release with dirty=true. A FOLL_GET handle's DMA is acknowledged by
            // the set_page_dirty_lock() a dirty release runs too: the 2018 dirty variants are
            // set_page_dirty_lock + put_page, and a dirty unpin_* of a FOLL_GET handle (a
            // mismatched release, pin-balance) still dirties each page as its exit would.
            if (rel.dirty()) ackPending(rel.handle(), tl.start(i));
            pendingDma[rel.handle()] = null;
        } else if (op instanceof Op.Exit) {
            exited(p.step(i).task(), tl.start(i));
        } else if (op instanceof Op.Sync s && s.call().isIntegritySync()) {
            List<Promise> l = pendingPromises[i];
            pendingPromises[i] = null;
            if (r == 0 && l != null) {
                for (Promise pr : l) admit(pr);
                judge("if power failed when it returned");
            }
        }
    }

    /**
     * A task's exit (or its death by BUG, "released as at exit"): writable handles are released
     * dirty, which acknowledges the DMAs through them that landed before.
     */
    void exited(int task, long t) {
        for (int h = 0; h < p.handles().size(); h++) {
            if (!tl.live(h) || tl.owner(h) != task) continue;
            if (Flags.write(p.gupOf(h).flags())) ackPending(h, t);
            pendingDma[h] = null;
        }
    }

    private boolean pinKind(int h) {
        return tracksPins && p.gupOf(h).pin();
    }

    void crashed(int i, long t) {
        // The model has already zeroed (stamped with this crash) the bytes past the durable
        // size; record that before judging, so those bytes count as removed by the truncate
        // whose size an fsync made durable, not as a lost write.
        crashFrom[i] = new int[files.length];
        for (int f = 0; f < files.length; f++) if (files[f] != null) crashFrom[i][f] = k.durableSize(f);
        judge("at the crash() at line " + p.line(i));
        promises.clear();
        java.util.Arrays.fill(pendingPromises, null);
        java.util.Arrays.fill(pendingDma, null);
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

    /** A DMA lands if its handle was held when the DMA started (see {@link #dmaLanded}). */
    private boolean landed(int i) {
        return dmaLanded[i];
    }

    private void ackPending(int h, long dirtyStart) {
        List<Integer> l = pendingDma[h];
        if (l == null) return;
        l.removeIf(d -> {
            if (tl.start(d) >= dirtyStart) return false;
            ackDma(d);
            return true;
        });
    }

    /**
     * Acknowledges a DMA's bytes below i_size (as for stores, bytes past EOF are not file data),
     * except on pages truncate orphaned: those never reach the file.
     */
    private void ackDma(int d) {
        Op.DmaWrite dma = (Op.DmaWrite) p.step(d).op();
        Op.Gup g = p.gupOf(dma.handle());
        int from = g.page() * PAGE + dma.off(), to = Math.min(from + dma.len(), sizeBefore[d]);
        for (int pg = from / PAGE; pg * PAGE < to; pg++)
            if (!orphaned(d, g, pg)) ack(g.file(), Math.max(from, pg * PAGE), Math.min(to, (pg + 1) * PAGE), p.line(d), (int) tl.start(d));
    }

    /**
     * Acknowledges a write, store or truncate, each page part dated by when it landed. A store's
     * bytes past EOF in the last page are not file data (writeback stops at i_size), and EOF
     * counts as it was when that page landed: a store that waited for a page lock may land after
     * a truncate or a write moved it.
     */
    private void ackLanded(int i, int f, int from, int to, boolean store) {
        AckState a = files[f];
        if (a == null) return;
        for (int pg = from / PAGE; pg * PAGE < to; pg++) {
            int land = landing.time(i, pg);
            int b = Math.max(from, pg * PAGE), e = Math.min(to, (pg + 1) * PAGE);
            if (store) e = Math.min(e, a.sizeAt(land));
            if (b < e) a.ack(b, e, p.line(i), land);
        }
    }

    private boolean shrinks(int truncate) {
        return truncated[truncate] && ((Op.Truncate) p.step(truncate).op()).size() < sizeBefore[truncate];
    }

    /**
     * Whether the handle's page {@code pg} was orphaned before DMA step {@code d}: a shrinking
     * truncate removed that page from the page cache after the GUP took it and before the DMA.
     */
    private boolean orphaned(int d, Op.Gup g, int pg) {
        long taken = landing.time(p.handleDefinition(((Op.DmaWrite) p.step(d).op()).handle()), pg);
        for (int j : truncates) {
            Op.Truncate tr = (Op.Truncate) p.step(j).op();
            if (tr.file() != g.file() || !shrinks(j)) continue;
            if (pg * PAGE < tr.size()) continue;
            int removed = landing.time(j, pg);
            if (removed > taken && removed < tl.start(d)) return true;
        }
        return false;
    }

    private void ack(int f, int from, int to, int stamp, int land) {
        if (files[f] != null) files[f].ack(from, to, stamp, land);
    }

    /** Checks every standing promise against the bytes the disk would keep right now. */
    private void judge(String when) {
        for (Promise pr : promises) {
            ByteRangeReport rep = new ByteRangeReport();
            for (int pg = 0; pg * PAGE < pr.size; pg++) {
                Runs disk = k.durablePage(pr.file, pg);
                Runs want = pr.pages[pg];
                if (disk == null && want == null) continue;
                comparePage(pr, pg, disk == null ? ZEROS : disk, want == null ? base(pr.baseLand) : want, rep);
            }
            if (!rep.empty()) findings.add(new Finding(Verdict.DURABILITY, explain(pr, when, rep)));
        }
    }

    private static final Runs ZEROS = new Runs(0, 0);

    private Runs base(int land) {
        scratch.reset(0, land);
        return scratch;
    }

    private final Runs scratch = new Runs(0, 0);

    /** Walks the disk's runs against the promised runs; a differing segment must be a later write. */
    private void comparePage(Promise pr, int pg, Runs disk, Runs want, ByteRangeReport rep) {
        int n = Math.min(PAGE, pr.size - pg * PAGE);
        int i = 0, j = 0, pos = 0;
        while (pos < n) {
            while (disk.end(i) <= pos) i++;
            while (want.end(j) <= pos) j++;
            int e = Math.min(n, Math.min(disk.end(i), want.end(j)));
            int seen = disk.value(i), expected = want.value(j);
            int from = pg * PAGE + pos, to = pg * PAGE + e;
            if (seen != expected && !laterWrite(seen, pr.file, from, to, want.aux(j))) rep.add(from, to - 1, seen, expected);
            pos = e;
        }
    }

    /** Whether {@code stamp} is a write to all of bytes {@code [b, e)} of file {@code f} that landed after {@code after}. */
    private boolean laterWrite(int stamp, int f, int b, int e, int after) {
        int j = tl.stepOfLine(stamp);
        if (j < 0 || tl.start(j) == Timeline.NEVER) return false;
        Op op = p.step(j).op();
        boolean paged = op instanceof Op.Write || op instanceof Op.Store || op instanceof Op.Truncate;
        if ((paged ? landing.time(j, b / PAGE) : tl.start(j)) <= after) return false;
        if (op instanceof Op.Write w) return w.file() == f && b >= w.off() && e <= w.off() + w.len();
        // A store that died of SIGBUS part-way may have stored its first pages: they landed.
        if (op instanceof Op.Store s) return s.file() == f && b >= s.off() && e <= s.off() + s.len();
        if (op instanceof Op.Truncate tr) return tr.file() == f && b >= tr.size() && shrinks(j);
        if (op instanceof Op.DmaWrite d) {
            Op.Gup g = p.gupOf(d.handle());
            int base = g.page() * PAGE + d.off();
            return g.file() == f && b >= base && e <= base + d.len() && landed(j) && !orphaned(j, g, b / PAGE);
        }
        if (op instanceof Op.Crash) return crashFrom[j] != null && b >= crashFrom[j][f];
        return false;
    }

    private String explain(Promise pr, String when, ByteRangeReport rep) {
        String file = p.files().get(pr.file).name();
        ByteRangeReport.Range r = rep.first();
        StringBuilder sb = new StringBuilder();
        sb.append(tl.describe(pr.step)).append(" returned 0, but ").append(when).append(", bytes ")
                .append(r.from()).append("..").append(r.to()).append(" of ").append(file)
                .append(" hold the value from ").append(source(r.seen()))
                .append("; the last write acknowledged before it began was ").append(source(r.want()));
        if (rep.ranges() > 1) sb.append(" (and ").append(rep.ranges() - 1).append(" more byte range(s) wrong)");
        return sb.toString();
    }

    private String source(int stamp) {
        if (stamp == 0) return "line 0 (the file's initial zeros)";
        int j = tl.stepOfLine(stamp);
        return j < 0 ? "line " + stamp + " (no such step)" : "line " + stamp + " (" + tl.describeBy(j) + ")";
    }

}
