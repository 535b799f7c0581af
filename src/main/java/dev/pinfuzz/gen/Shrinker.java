package dev.pinfuzz.gen;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Fs;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds a small program that still satisfies a predicate (typically "reports durability under
 * policy X"): remove chunks of steps, then single steps (delta debugging); remove or fold tasks;
 * remove files and pages; cut numbers toward 0 and page/sector boundaries; drop flags and
 * simplify calls; finally give names canonically. Every candidate is well-formed (print, parse
 * back, {@link WellFormed}) and never longer than the best so far. Deterministic: candidates
 * are tried in a fixed order and results are memoised by canonical text.
 */
public final class Shrinker {
    /** Bound on predicate runs; reached only by pathological predicates. */
    static final int MAX_RUNS = 20_000;

    /** The smallest program found, and how many times the predicate ran. */
    public record Result(Program program, int runs) {}

    private final Predicate<Program> pred;
    private final String policy;
    private final Map<String, Boolean> memo = new HashMap<>();
    private int runs;
    Program best;

    private Shrinker(Program p, Predicate<Program> pred) {
        this.pred = pred;
        this.policy = p.policy() != null ? p.policy() : Policies.DEFAULT;
        this.best = p;
    }

    public static Program shrink(Program p, Predicate<Program> pred) {
        return run(p, pred).program();
    }

    /** Shrinks {@code p}; a program that does not satisfy {@code pred} comes back unchanged. */
    public static Result run(Program p, Predicate<Program> pred) {
        Shrinker s = new Shrinker(p, pred);
        s.runs = 1;
        if (!pred.test(p)) return new Result(p, s.runs);
        s.memo.put(TraceWriter.print(p), true);
        s.loop();
        return new Result(s.best, s.runs);
    }

    private void loop() {
        Passes passes = new Passes(this);
        boolean progress = true;
        while (progress) {
            progress = passes.removeChunks();
            progress |= passes.removeTasks();
            progress |= passes.foldTasks();
            progress |= passes.removeFiles();
            progress |= passes.shrinkPages();
            progress |= passes.shrinkNumbers();
            progress |= passes.simplify();
        }
        passes.canonicalNames();
    }

    /** Makes {@code c} the best if it is valid, no longer, and satisfies the predicate. */
    boolean accept(Program c) {
        if (c.size() > best.size()) return false;
        String text = TraceWriter.print(c);
        Boolean r = memo.get(text);
        if (r == null) {
            r = valid(c, text) && runs < MAX_RUNS && test(c);
            memo.put(text, r);
        }
        if (r) best = c;
        return r;
    }

    private boolean test(Program c) {
        runs++;
        return pred.test(c);
    }

    private boolean valid(Program c, String text) {
        try {
            if (!TraceParser.parse("candidate", text).equals(c)) return false;
        } catch (BadInputException e) {
            return false;
        }
        return WellFormed.violation(c, policy) == null;
    }

    /** A file declaration with another page count or file system. */
    static FileDecl resized(FileDecl f, int pages, Fs fs) {
        return new FileDecl(f.name(), pages, fs);
    }
}
