package dev.pinfuzz.importer;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code pinfuzz import}: an {@code strace -f -tt -T -x -y} log to a trace v1 program (see
 * docs/import.md for the mapping). The program carries {@code policy refuse-longterm} and no
 * {@code expect} line: the kernel it was recorded on is today's, believed correct, so the
 * program must replay {@code ok} under it; anything else is a bug of the model or the mapping.
 */
public final class Importer {
    public static final int DEFAULT_MAX_STEPS = 2000;

    /** An import: the trace text, its program, the log's problems, and what conformance needs. */
    public static final class Result {
        private final String source;
        private final String trace;
        private final Program program;
        private final List<Problem> problems;
        private final List<Answer> answers;
        private final int[] stepOf;
        private final List<String> notModelled;

        Result(String source, String trace, Program program, List<Problem> problems, List<Answer> answers, int[] stepOf,
               List<String> notModelled) {
            this.source = source;
            this.trace = trace;
            this.program = program;
            this.problems = List.copyOf(problems);
            this.answers = answers;
            this.stepOf = stepOf;
            this.notModelled = notModelled;
        }

        public String source() { return source; }
        public String trace() { return trace; }
        public Program program() { return program; }
        /** Malformed or unusable lines of the log, in line order. */
        public List<Problem> problems() { return problems; }

        /** Replays the program under refuse-longterm and compares the kernel's recorded answers. */
        public Conformance conformance() {
            Outcome o = Judge.run(program, Policies.get(Policies.DEFAULT));
            return new Conformance(answers, stepOf, o, notModelled);
        }
    }

    private Importer() {}

    /**
     * Imports one log. Malformed lines become {@link Result#problems()}; the only failure is a
     * file in which no line is strace at all.
     */
    public static Result run(String source, byte[] bytes, int maxSteps) throws ImportException {
        StraceReader.Log log = StraceReader.read(bytes);
        if (log.events().isEmpty()) {
            String why = log.lines() == 0 ? "it is empty" : "no line of it could be read"
                    + (log.problems().isEmpty() ? "" : "; first: " + log.problems().get(0).format(source));
            throw new ImportException(source + ": not an strace log: " + why);
        }
        State st = new State();
        Translator t = new Translator(st);
        for (Event e : log.events()) t.event(e);
        List<Problem> problems = new ArrayList<>(log.problems());
        problems.addAll(st.problems);
        problems.sort(Comparator.comparingInt(Problem::line));

        List<Draft> all = st.out.drafts;
        List<Integer> idx = prune(all);
        List<Draft> pruned = new ArrayList<>();
        for (int i : idx) pruned.add(all.get(i));
        Layout sizing = new Layout(pruned);
        Capper.Cut cut = Capper.cap(pruned, d -> cost(sizing, d), Math.max(1, maxSteps));
        Capper.dropLoneExits(pruned, cut.kept());
        List<Draft> kept = new ArrayList<>();
        for (int k = 0; k < pruned.size(); k++) if (cut.kept()[k]) kept.add(pruned.get(k));
        Renderer r = new Renderer(new Layout(kept), all.size());
        int pins = 0;
        for (int k = 0; k < pruned.size(); k++) {
            if (!cut.kept()[k]) continue;
            r.draft(idx.get(k), pruned.get(k));
            pins += pruned.get(k).kind().gup() ? 1 : 0;
        }
        r.trailing(st.out.trailing());
        int compared = 0;
        for (Answer a : st.out.answers) if (Conformance.compared(a, r.stepOf)) compared++;
        List<String> header = header(source, log, st, problems, r.steps, pins, compared, cut);
        String text = r.text(header, Policies.DEFAULT);
        Program p;
        try {
            p = TraceParser.parse(source, text);
        } catch (BadInputException e) {
            throw new ImportException("pinfuzz import: internal error: the trace made from " + source + " does not parse: " + e.getMessage());
        }
        return new Result(source, text, p, problems, st.out.answers, r.stepOf, st.out.notModelled);
    }

    /** Drops syncs and truncations of files nothing writes or pins (directories, unrelated files). */
    private static List<Integer> prune(List<Draft> drafts) {
        Set<FileRef> substance = new HashSet<>();
        for (Draft d : drafts) if (d.substance()) substance.add(d.file());
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (d.file() == null || substance.contains(d.file())) out.add(i);
        }
        return out;
    }

    /** How many steps a draft renders to (a write that wraps a fold is two). */
    private static int cost(Layout l, Draft d) {
        return switch (d.kind()) {
            case WRITE, STORE -> (int) l.ranges(d.file(), d.off(), d.len()).stream().filter(x -> x.len() > 0).count();
            case TRUNCATE -> l.decl(d.file()).folded() && d.off() != 0 ? 0 : 1;
            default -> 1;
        };
    }

    private static List<String> header(String source, StraceReader.Log log, State st, List<Problem> problems, int steps,
                                       int pins, int compared, Capper.Cut cut) {
        List<String> h = new ArrayList<>();
        h.add("Imported by `pinfuzz import` from " + source + " (mapping: docs/import.md). Steps carry their log line (L<n>).");
        h.add("log: " + log.lines() + " lines, " + log.calls() + " system calls, " + log.signals() + " signals, "
                + st.tasks + " tasks, " + problems.size() + " malformed or unusable lines skipped");
        int recorded = st.out.answers.size();
        h.add("program: " + steps + " steps, " + pins + " GUP calls; " + recorded + " recorded answers of pinning calls ("
                + st.out.notModelled.size() + " not modelled): `pinfuzz import --check` compares "
                + (compared == recorded ? "them" : compared + " of them (the pins accepted or refused with EFAULT, in the kept steps)")
                + " with the model");
        if (cut.summary() != null) h.add(cut.summary());
        wrap(h, "ignored (no effect on the model): ", st.ignored);
        wrap(h, "unknown system calls, skipped: ", st.unknown);
        List<String> orphans = st.unparented();
        if (!orphans.isEmpty()) {
            String shown = String.join(", ", orphans.subList(0, Math.min(8, orphans.size())))
                    + (orphans.size() > 8 ? " and " + (orphans.size() - 8) + " more" : "");
            h.add("made by no clone, fork or vfork of the log (-e trace= without %process?), so their memory and descriptors");
            h.add("  are unknown and their pins into inherited mappings are lost: " + shown);
        }
        return h;
    }

    private static void wrap(List<String> h, String title, Map<String, Integer> counts) {
        if (counts.isEmpty()) return;
        StringBuilder sb = new StringBuilder(title);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String item = e.getKey() + " " + e.getValue() + ", ";
            if (sb.length() + item.length() > 110) {
                h.add(sb.toString().stripTrailing());
                sb = new StringBuilder("  ");
            }
            sb.append(item);
        }
        String last = sb.toString().stripTrailing();
        h.add(last.endsWith(",") ? last.substring(0, last.length() - 1) : last);
    }
}
