package dev.pinfuzz.bench;

import dev.pinfuzz.gen.Generator;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plain random programs, the baseline the engine's decoder and Jazzer's coverage are measured
 * against: each step is a call drawn uniformly among the trace calls possible now, with arguments
 * drawn uniformly over their whole valid range (1..3 files of 1..64 pages, ext4 or tmpfs, offsets
 * and lengths anywhere in the file or handle). Nothing favours page boundaries, small files or
 * interesting calls. It keeps only static well-formedness (DESIGN §3): live handles, DMA through
 * {@code FOLL_WRITE} handles, the policy's GUP API, device-written handles released dirty, only
 * writable handles dirtied. Program lengths are uniform in 1..{@value Generator#MAX_LENGTH}, as
 * the engine's generator draws them.
 */
public final class NaiveGenerator {
    private static final String[] FILES = {"f", "g", "h"};
    /** CPU tasks; the device ("dev") issues the DMA writes. */
    private static final String[] TASKS = {"A", "B", "C", "D"};
    private static final int DEV = TASKS.length;
    private static final int[] FLAGS = {0, Flags.FOLL_WRITE, Flags.FOLL_LONGTERM, Flags.ALL};
    private static final Call[] CPU = {Call.WRITE, Call.STORE, Call.FSYNC, Call.FDATASYNC, Call.MSYNC, Call.SYNC,
            Call.SYNC_FILE_RANGE, Call.WRITEBACK, Call.RECLAIM, Call.TRUNCATE, Call.EXIT};
    private static final Call[] PIN_HANDLE = {Call.DMA_WRITE, Call.UNPIN_USER_PAGES, Call.UNPIN_USER_PAGES_DIRTY_LOCK,
            Call.PUT_USER_PAGE, Call.PUT_USER_PAGES_DIRTY_LOCK};
    private static final Call[] GET_HANDLE = {Call.DMA_WRITE, Call.SET_PAGE_DIRTY_LOCK, Call.PUT_PAGE};

    private final String policy;
    private final boolean pinApi;
    private final long base;

    public NaiveGenerator(String policy, long seed) {
        if (Policies.get(policy) == null) throw new IllegalArgumentException("unknown policy '" + policy + "'");
        this.policy = policy;
        this.pinApi = Policies.get(policy).tracksPins();
        // Mixed, not seed * GOLDEN_GAMMA + i: that is SplittableRandom's own step, so seed s + 1
        // would replay seed s's streams shifted by one word.
        this.base = new SplittableRandom(seed).nextLong();
    }

    /** The {@code i}-th program of this seed (depends only on the seed and {@code i}). */
    public Program program(long i) {
        SplittableRandom r = new SplittableRandom(base ^ i * 0xBF58476D1CE4E5B9L);
        return new Build(r).program(1 + r.nextInt(Generator.MAX_LENGTH));
    }

    /** One program's static state while its steps are drawn. */
    private final class Build {
        private final SplittableRandom r;
        private final List<FileDecl> files = new ArrayList<>();
        private final List<String> tasks = new ArrayList<>();
        private final int[] taskIndex = {-1, -1, -1, -1, -1};
        private final boolean[] exited = new boolean[TASKS.length];
        private final List<String> handles = new ArrayList<>();
        private final List<int[]> handleInfo = new ArrayList<>(); // owner slot, pages, flags
        private final List<boolean[]> handleState = new ArrayList<>(); // live, device-written since dirtied
        private final List<Step> steps = new ArrayList<>();

        Build(SplittableRandom r) {
            this.r = r;
        }

        Program program(int length) {
            int n = 1 + r.nextInt(FILES.length);
            for (int f = 0; f < n; f++)
                files.add(new FileDecl(FILES[f], 1 + r.nextInt(FileDecl.MAX_PAGES), r.nextBoolean() ? Fs.EXT4 : Fs.TMPFS));
            while (steps.size() < length) steps.add(step());
            return new Program(policy, files, tasks, handles, steps, null, null);
        }

        private Step step() {
            List<Call> possible = new ArrayList<>();
            possible.add(Call.CRASH);
            if (liveTasks() > 0) {
                for (Call c : CPU) possible.add(c);
                possible.add(pinApi ? Call.PIN_USER_PAGES : Call.GET_USER_PAGES);
            }
            for (Call c : pinApi ? PIN_HANDLE : GET_HANDLE) if (!eligible(c).isEmpty()) possible.add(c);
            Call c = possible.get(r.nextInt(possible.size()));
            if (c == Call.CRASH) {
                java.util.Arrays.fill(exited, false);
                for (boolean[] s : handleState) s[0] = false;
                return new Step(-1, -1, new Op.Crash());
            }
            if (c == Call.DMA_WRITE) {
                int h = pick(eligible(c));
                int max = handleInfo.get(h)[1] * FileDecl.PAGE_SIZE;
                int off = r.nextInt(max + 1);
                handleState.get(h)[1] = true;
                return new Step(task(DEV), -1, new Op.DmaWrite(h, off, r.nextInt(max - off + 1)));
            }
            int slot = liveTask();
            if (c.isRelease() || c == Call.SET_PAGE_DIRTY_LOCK) return new Step(task(slot), -1, handleOp(c, pick(eligible(c))));
            int handle = -1;
            Op op = switch (c) {
                case WRITE, STORE -> {
                    int f = r.nextInt(files.size()), max = files.get(f).bytes(), off = r.nextInt(max + 1);
                    int len = r.nextInt(max - off + 1);
                    yield c == Call.WRITE ? new Op.Write(f, off, len) : new Op.Store(f, off, len);
                }
                case GET_USER_PAGES, PIN_USER_PAGES -> {
                    int f = r.nextInt(files.size()), pages = files.get(f).pages(), page = r.nextInt(pages);
                    int nr = 1 + r.nextInt(pages - page), flags = FLAGS[r.nextInt(FLAGS.length)];
                    handle = handles.size();
                    handles.add("p" + handle);
                    handleInfo.add(new int[] {slot, nr, flags});
                    handleState.add(new boolean[] {true, false});
                    yield new Op.Gup(pinApi, f, page, nr, flags);
                }
                case SYNC -> new Op.Sync(c, -1);
                case FSYNC, FDATASYNC, MSYNC, SYNC_FILE_RANGE, WRITEBACK -> new Op.Sync(c, r.nextInt(files.size()));
                case TRUNCATE -> {
                    int f = r.nextInt(files.size());
                    yield new Op.Truncate(f, r.nextInt(files.get(f).bytes() + 1));
                }
                case RECLAIM -> new Op.Reclaim();
                case EXIT -> {
                    exited[slot] = true;
                    for (int h = 0; h < handles.size(); h++) if (handleInfo.get(h)[0] == slot) handleState.get(h)[0] = false;
                    yield new Op.Exit();
                }
                default -> throw new AssertionError(c);
            };
            return new Step(task(slot), handle, op);
        }

        /** A release or {@code set_page_dirty_lock} on {@code h}; its dirty argument drawn among the allowed ones. */
        private Op handleOp(Call c, int h) {
            boolean write = Flags.write(handleInfo.get(h)[2]);
            boolean[] s = handleState.get(h);
            if (c == Call.SET_PAGE_DIRTY_LOCK) {
                s[1] = false;
                return new Op.SetPageDirtyLock(h);
            }
            s[0] = false;
            boolean dirty = c == Call.PUT_USER_PAGES_DIRTY_LOCK
                    || c == Call.UNPIN_USER_PAGES_DIRTY_LOCK && (s[1] || write && r.nextBoolean());
            return new Op.Release(c, h, dirty);
        }

        /** Live handles a step of call {@code c} may name. */
        private List<Integer> eligible(Call c) {
            List<Integer> out = new ArrayList<>();
            for (int h = 0; h < handles.size(); h++) {
                boolean[] s = handleState.get(h);
                boolean write = Flags.write(handleInfo.get(h)[2]);
                if (!s[0]) continue;
                boolean ok = switch (c) {
                    case DMA_WRITE, SET_PAGE_DIRTY_LOCK, PUT_USER_PAGES_DIRTY_LOCK -> write;
                    case UNPIN_USER_PAGES, PUT_USER_PAGE, PUT_PAGE -> !s[1];
                    case UNPIN_USER_PAGES_DIRTY_LOCK -> write || !s[1];
                    default -> false;
                };
                if (ok) out.add(h);
            }
            return out;
        }

        private int pick(List<Integer> hs) {
            return hs.get(r.nextInt(hs.size()));
        }

        private int liveTasks() {
            int n = 0;
            for (boolean e : exited) if (!e) n++;
            return n;
        }

        private int liveTask() {
            int k = r.nextInt(liveTasks());
            for (int s = 0; s < TASKS.length; s++) if (!exited[s] && k-- == 0) return s;
            throw new AssertionError();
        }

        /** The slot's index in the task table, assigned on first appearance as the parser does. */
        private int task(int slot) {
            if (taskIndex[slot] < 0) {
                taskIndex[slot] = tasks.size();
                tasks.add(slot == DEV ? "dev" : TASKS[slot]);
            }
            return taskIndex[slot];
        }
    }
}
