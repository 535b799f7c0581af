package dev.pinfuzz.importer;

import dev.pinfuzz.campaign.CanaryMatrix;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Flags;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Op;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Jazzer inputs from an imported program (docs/import.md, "Jazzer inputs"): the program is cut
 * into windows around its pinning activity, each window is projected into the decoder's space
 * for each policy ({@link Projection}), encoded, and a handful per policy is kept: those that add
 * the most new shapes (calls, flags, a sync or a write while a page is pinned, ...), then windows
 * spread over the log. A window that shows a verdict in a clean cell of the canary matrix is
 * not kept (it would be a false finding at the start of every campaign).
 */
public final class JazzerSeeds {
    /** Inputs kept per log and policy. */
    public static final int PER_POLICY = 4;
    /** Steps of the log a window covers: room for the fuzzer to add steps below the decoder's 64. */
    static final int WINDOW = 48;
    /** Steps kept before the first pin of a window (the writes and syncs before it). */
    static final int CONTEXT = 4;

    /** One input: its policy, the log steps {@code from..to-1} it was made from, the program it decodes to, its bytes. */
    public record Input(String policy, int from, int to, Program program, byte[] bytes) {
        /** The libFuzzer name: the SHA-1 of the bytes. */
        public String name() {
            return sha1(bytes);
        }
    }

    private record Candidate(int from, int to, Program program, byte[] bytes, Set<String> shapes) {}

    private JazzerSeeds() {}

    /** Inputs for every registered policy. */
    public static List<Input> of(Program p) {
        List<Input> out = new ArrayList<>();
        for (String policy : Policies.names()) out.addAll(of(p, policy));
        return out;
    }

    /** At most {@link #PER_POLICY} distinct inputs for {@code policy}. */
    public static List<Input> of(Program p, String policy) {
        boolean pinApi = Policies.get(policy).tracksPins();
        boolean pins = false;
        for (Step s : p.steps()) pins |= s.op() instanceof Op.Gup;
        List<Candidate> cands = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int[] w : windows(p)) {
            Program q = Projection.of(p, w[0], w[1], pinApi, policy);
            if (q == null || pins && q.steps().stream().noneMatch(s -> s.op() instanceof Op.Gup)) continue;
            byte[] b;
            try {
                b = ProgramEncoder.encode(q);
            } catch (IllegalArgumentException e) {
                continue; // outside the decoder's space after all: Projection missed a rule
            }
            if (seen.add(sha1(b))) cands.add(new Candidate(w[0], w[1], q, b, shapes(q)));
        }
        List<Input> out = new ArrayList<>();
        for (Candidate c : order(cands)) {
            if (out.size() == PER_POLICY) break;
            if (clean(c.program(), policy)) out.add(new Input(policy, c.from(), c.to(), c.program(), c.bytes()));
        }
        return out;
    }

    /** {@code N Jazzer inputs (gup-2018 n, wait-on-pin n, ...)}, every registered policy named. */
    public static String summary(List<Input> inputs) {
        StringBuilder sb = new StringBuilder(inputs.size() + " Jazzer input" + (inputs.size() == 1 ? "" : "s") + " (");
        String sep = "";
        for (String policy : Policies.names()) {
            sb.append(sep).append(policy).append(' ').append(inputs.stream().filter(i -> i.policy().equals(policy)).count());
            sep = ", ";
        }
        return sb.append(')').toString();
    }

    /**
     * Windows {@code [from, to)} of the program's steps: each starts {@link #CONTEXT} steps before a
     * GUP the previous windows did not cover, spans {@link #WINDOW} steps, and is stretched (up to
     * 64) to the last use of the handles it defines. A program without GUP is cut from its start.
     */
    static List<int[]> windows(Program p) {
        int n = p.size();
        int[] lastUse = new int[p.handles().size()];
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Op op = p.step(i).op();
            if (op instanceof Op.Gup) anchors.add(i);
            int h = Projection.handleUsed(op);
            if (h >= 0) lastUse[h] = i;
        }
        if (anchors.isEmpty()) for (int i = 0; i < n; i++) anchors.add(i);
        List<int[]> out = new ArrayList<>();
        int end = 0;
        for (int a : anchors) {
            if (a < end) continue;
            int start = Math.max(end, a - CONTEXT), limit = Math.min(n, start + Projection.MAX_STEPS);
            end = Math.min(n, start + WINDOW);
            for (int i = start; i < end; i++) {
                int h = p.step(i).handle();
                if (h >= 0 && lastUse[h] < limit) end = Math.max(end, lastUse[h] + 1);
            }
            out.add(new int[] {start, end});
        }
        return out;
    }

    /** Greedily the candidate adding most new shapes, then the rest spread over the log. */
    private static List<Candidate> order(List<Candidate> cands) {
        List<Candidate> rest = new ArrayList<>(cands), out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        while (!rest.isEmpty()) {
            Candidate best = null;
            int gain = 0;
            for (Candidate c : rest) {
                int g = 0;
                for (String s : c.shapes()) if (!covered.contains(s)) g++;
                if (g > gain) {
                    gain = g;
                    best = c;
                }
            }
            if (best == null) break;
            out.add(best);
            covered.addAll(best.shapes());
            rest.remove(best);
        }
        int n = rest.size();
        boolean[] taken = new boolean[n];
        for (int parts = 1; n > 0 && parts < 2 * n; parts *= 2)
            for (int j = 0; j < parts; j++) {
                int i = (int) ((2L * j + 1) * n / (2L * parts));
                if (!taken[i]) {
                    taken[i] = true;
                    out.add(rest.get(i));
                }
            }
        return out;
    }

    /** What a program does, as words: calls with their flags, and a sync, write or exit while a page is pinned. */
    static Set<String> shapes(Program q) {
        Set<String> s = new HashSet<>();
        s.add("tasks=" + q.tasks().size());
        s.add("files=" + q.files().size());
        int nh = q.handles().size();
        boolean[] live = new boolean[nh], dma = new boolean[nh];
        int[] file = new int[nh], task = new int[nh];
        for (Step st : q.steps()) {
            Op op = st.op();
            String c = op.call().spelling();
            if (op instanceof Op.Gup g) {
                boolean tmp = q.files().get(g.file()).fs() == Fs.TMPFS;
                s.add(c + "(" + Flags.format(g.flags()) + (tmp ? ",tmpfs" : "") + (g.nr() > 1 ? ",nr>1" : "") + ")");
                live[st.handle()] = true;
                file[st.handle()] = g.file();
                task[st.handle()] = st.task();
                continue;
            }
            if (op instanceof Op.DmaWrite d) dma[d.handle()] = true;
            if (op instanceof Op.SetPageDirtyLock d) dma[d.handle()] = false;
            if (op instanceof Op.Release r) {
                live[r.handle()] = false;
                c += r.dirty() ? "(dirty)" : "";
            }
            s.add(c);
            int f = op instanceof Op.Write w ? w.file() : op instanceof Op.Store w ? w.file()
                    : op instanceof Op.Truncate t ? t.file() : op instanceof Op.Sync y ? y.file() : -2;
            for (int h = 0; h < nh; h++) {
                if (!live[h]) continue;
                if (op.call().isIntegritySync()) s.add(dma[h] ? "sync-before-dirty-release" : "sync-while-pinned");
                if (f == file[h]) s.add(c + "-of-pinned-file");
                if (op instanceof Op.Exit && task[h] == st.task()) s.add("exit-releases");
                if (op instanceof Op.Exit && task[h] == st.task() || op instanceof Op.Crash) live[h] = false;
            }
        }
        return s;
    }

    /** No verdict in a cell the canary matrix says is clean for {@code policy}. */
    private static boolean clean(Program q, String policy) {
        try {
            return CanaryMatrix.violations(policy, Judge.run(q, Policies.get(policy)).verdicts()).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Lower-case hex SHA-1, libFuzzer's name for an input. */
    public static String sha1(byte[] b) {
        return dev.pinfuzz.io.InputNames.sha1(b);
    }
}
