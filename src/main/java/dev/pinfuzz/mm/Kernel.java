package dev.pinfuzz.mm;

import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated mm core: files with their page caches and disk blocks, tasks, GUP handles,
 * and the primitives the operations share (page lock, {@code set_page_dirty},
 * {@code folio_mkclean}, reference drops, the kernel log). Operations live in
 * {@link FaultPath}, {@link Gup}, {@link Writeback}, {@link Reclaim} and {@link Truncate};
 * {@link Scheduler} runs a program on it.
 */
public final class Kernel {
    /** Returned by an operation that must wait: its task suspends. */
    static final long BLOCKED = Long.MIN_VALUE;
    /** Returned by an operation that hit a BUG: its task dies. */
    static final long KILLED = Long.MIN_VALUE + 1;

    final Program program;
    final WritebackPolicy policy;
    final Observer obs;
    final Inode[] files;
    final Task[] tasks;
    final Handle[] handles;
    /** Folios truncated out of the page cache while something still held them. */
    final List<Folio> orphans = new ArrayList<>();
    /** The step being run, for kernel log messages. */
    int step = -1;

    Kernel(Program program, WritebackPolicy policy, Observer obs) {
        this.program = program;
        this.policy = policy;
        this.obs = obs;
        this.files = new Inode[program.files().size()];
        for (int i = 0; i < files.length; i++) files[i] = new Inode(i, program.files().get(i));
        this.tasks = new Task[program.tasks().size()];
        for (int i = 0; i < tasks.length; i++) tasks[i] = new Task(i, files.length);
        this.handles = new Handle[program.handles().size()];
    }

    /** Narrates device writes and flushes into {@code sink} (for {@code --verbose}). */
    public void traceDisk(java.util.List<String> sink) {
        for (Inode f : files) f.log = sink;
    }

    /* ---- observation (read-only views for oracles and --verbose) ---- */

    public WritebackPolicy policy() { return policy; }

    /** The folio at that page of the page cache, or null. */
    public Folio cached(int file, int page) { return files[file].cache[page]; }

    /** Number of files. */
    public int fileCount() { return files.length; }

    /** Pages of a file. */
    public int pages(int file) { return files[file].cache.length; }

    /** Pages from here to the file's end are not in the page cache (a bound, not a count). */
    public int cacheSpan(int file) { return files[file].cacheSpan; }

    /** How many folios truncate left alive out of the page cache. */
    public int orphanCount() { return orphans.size(); }

    /** One of them. */
    public Folio orphan(int i) { return orphans.get(i); }

    /** Every folio still alive: the page caches' and the orphans'. */
    public List<Folio> folios() {
        List<Folio> out = new ArrayList<>();
        for (Inode f : files) for (Folio x : f.cache) if (x != null) out.add(x);
        out.addAll(orphans);
        return out;
    }

    /** {@code i_size}. */
    public int size(int file) { return files[file].size; }

    /** The file size that survives power loss. */
    public int durableSize(int file) { return files[file].durableSize; }

    /** Stamps of a page as they would survive power loss now; null = all zero. Do not modify. */
    public Runs durablePage(int file, int page) { return files[file].durable[page]; }

    /** The stamp of byte {@code b} of a file as it would survive power loss now. */
    public int durableStamp(int file, int b) { return files[file].durableStamp(b); }

    /** Pages of the device still in its volatile write cache for this file. */
    public int unflushedPages(int file) {
        int n = 0;
        for (boolean u : files[file].unflushed) if (u) n++;
        return n;
    }

    /** PTE bits of a task for a page: 0 when not mapped. */
    public int pte(int task, int file, int page) {
        byte[] row = tasks[task].pte[file];
        return row == null ? 0 : row[page];
    }

    public boolean suspended(int task) { return tasks[task].suspended(); }

    /** The task holding the page lock of a cached page, or -1 (as lockdep would show it). */
    public int lockHolder(int file, int page) {
        Folio x = files[file].cache[page];
        return x == null ? -1 : x.lockOwner;
    }

    /** The handles holding {@code FOLL_PIN} pins on the cached page now (page_owner-style tracking). */
    public int[] pinHolders(int file, int page) {
        Folio x = files[file].cache[page];
        int n = 0;
        int[] hs = new int[handles.length];
        if (x != null)
            for (Handle h : handles) {
                if (h == null || !h.pinned || h.released || h.failed) continue;
                for (int j = h.put; j < h.taken; j++) if (h.folios[j] == x) { hs[n++] = h.idx; break; }
            }
        return java.util.Arrays.copyOf(hs, n);
    }

    /** Handles a task holds that are still live (taken, not released). */
    public boolean handleLive(int h) { return handles[h] != null && handles[h].live(); }

    /* ---- shared primitives ---- */

    /** Finds the page in the page cache or reads it in from the device ({@code filemap_fault}). */
    Folio findOrCreate(int file, int page) {
        Inode f = files[file];
        Folio x = f.cache[page];
        if (x != null) return x;
        x = new Folio(file, page);
        Runs d = f.disk[page];
        if (d != null) x.data.set(d);
        x.inCache = true;
        x.refcount = 1;
        f.cache[page] = x;
        if (page >= f.cacheSpan) f.cacheSpan = page + 1;
        return x;
    }

    /** Records a wait and tells the caller to suspend. */
    long blockOnLock(Task t, Folio x) {
        t.waitFolio = x;
        t.waitPins = false;
        return BLOCKED;
    }

    long blockOnPins(Task t, Folio x) {
        t.waitFolio = x;
        t.waitPins = true;
        return BLOCKED;
    }

    /** {@code folio_trylock()}: false when another task holds it. */
    boolean trylock(Task t, Folio x) {
        if (x.lockOwner >= 0 && x.lockOwner != t.idx) return false;
        x.lockOwner = t.idx;
        return true;
    }

    void unlock(Folio x) {
        x.lockOwner = -1;
    }

    /** ext4 {@code create_empty_buffers()}: the buffer heads hold a page reference. */
    void attachBuffers(Folio x) {
        if (x.buffers || files[x.file].tmpfs) return;
        x.buffers = true;
        x.refcount++;
    }

    /** {@code set_page_dirty()}: ext4 warns when a page without buffers is dirtied. */
    void setPageDirty(Task t, Folio x) {
        if (!x.inCache) return; // truncated: no mapping, nothing to dirty
        if (!files[x.file].tmpfs && !x.buffers)
            warn(t, "ext4_dirty_folio: marking " + page(x) + " dirty without buffers (WARN_ON !folio_buffers)");
        x.dirty = true;
    }

    /** {@code folio_mkclean()}: write-protect and clean every PTE that maps the page. */
    void mkclean(Folio x) {
        for (Task t : tasks) {
            byte[] row = t.pte[x.file];
            if (row != null && (row[x.index] & Task.PTE_PRESENT) != 0) row[x.index] = Task.PTE_PRESENT;
        }
    }

    /** Removes every PTE that maps the page ({@code try_to_unmap()} / {@code unmap_mapping_range()}). */
    void unmapAll(Folio x) {
        for (Task t : tasks) {
            byte[] row = t.pte[x.file];
            if (row != null && row[x.index] != 0) {
                row[x.index] = 0;
                x.mapcount--;
                x.refcount--;
            }
        }
    }

    /** Drops {@code n} references; a folio nobody references is freed. */
    void putRefs(Task t, Folio x, int n) {
        x.refcount -= n;
        if (x.refcount < 0) {
            warn(t, "refcount underflow on " + page(x) + ": _refcount = " + x.refcount + " (VM_BUG_ON_FOLIO folio_ref_count < 0)");
        } else if (x.refcount == 0 && x.inCache) {
            warn(t, "refcount of " + page(x) + " reached 0 while it is in the page cache");
        } else if (x.refcount == 0) {
            orphans.remove(x);
        }
    }

    /** Takes {@code n} references, warning on overflow like {@code try_grab_folio()}. */
    void getRefs(Task t, Folio x, int n) {
        if (x.refcount > Integer.MAX_VALUE - n) {
            warn(t, "refcount overflow on " + page(x) + " (WARN_ON_ONCE folio_ref_count < 0 in try_grab_folio)");
            return;
        }
        x.refcount += n;
    }

    void warn(Task t, String msg) {
        obs.kernelLog(step, t == null ? -1 : t.idx, false, "WARNING: " + msg);
    }

    void bug(Task t, String msg) {
        obs.kernelLog(step, t == null ? -1 : t.idx, true, "kernel BUG: " + msg);
    }

    /** "f[3]" for messages. */
    String page(Folio x) {
        return program.files().get(x.file).name() + "[" + x.index + "]" + (x.inCache ? "" : " (truncated)");
    }

    /** The task's PTE row for a file, creating the {@code MAP_SHARED} mapping on first use. */
    byte[] mapping(Task t, int file) {
        byte[] row = t.pte[file];
        if (row == null) row = t.pte[file] = new byte[files[file].pages()];
        return row;
    }

    /** Drops all PTEs of a task ({@code exit_mmap()}). */
    void unmapTask(Task t) {
        for (int f = 0; f < t.pte.length; f++) {
            byte[] row = t.pte[f];
            if (row == null) continue;
            for (int p = 0; p < row.length; p++) {
                if (row[p] == 0) continue;
                row[p] = 0;
                Folio x = files[f].cache[p];
                if (x != null) {
                    x.mapcount--;
                    putRefs(t, x, 1);
                }
            }
            t.pte[f] = null;
        }
    }
}
