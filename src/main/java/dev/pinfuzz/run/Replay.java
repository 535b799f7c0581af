package dev.pinfuzz.run;

import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code pinfuzz replay}: parse, run under the policy, judge, compare with {@code expect}. */
public final class Replay {
    private Replay() {}

    /** The result of replaying one file. */
    public record Result(String source, Program program, String policy, Outcome outcome, BadInputException error) {
        /** The file's expect set, {@code ok} (empty) when it has none. */
        public Set<Verdict> expected() {
            return program.expect() == null ? Set.of() : program.expect();
        }

        public boolean badInput() {
            return error != null;
        }

        public boolean matches() {
            return error == null && outcome.verdicts().equals(expected());
        }

        /**
         * {@code FILE: VERDICT} alone on its first line (DESIGN §5, for scripts to read), one indented
         * explanation per verdict, then in parentheses what the expect line wanted when it differs and
         * the policy when the file's own policy line did not choose it.
         */
        public String report() {
            if (error != null) return error.getMessage();
            StringBuilder sb = new StringBuilder(source).append(": ").append(TraceWriter.verdicts(outcome.verdicts()));
            for (Finding f : outcome.firstOfEach())
                sb.append("\n  ").append(f.verdict().spelling()).append(": ").append(f.explanation());
            if (!matches()) sb.append("\n  (expected ").append(TraceWriter.verdicts(expected())).append(')');
            if (program.policy() == null) sb.append("\n  (policy ").append(policy).append(": the file names none)");
            else if (!program.policy().equals(policy))
                sb.append("\n  (policy ").append(policy).append(" from --policy, not the file's ").append(program.policy()).append(')');
            return sb.toString();
        }
    }

    /** The policy a program runs under: the override, else its {@code policy} line, else the default. */
    public static WritebackPolicy policyFor(Program p, String override) {
        String name = override != null ? override : p.policy() != null ? p.policy() : Policies.DEFAULT;
        return Policies.get(name);
    }

    public static Result file(Path path, String override, PrintStream verbose) {
        String src = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new Result(src, null, override, null, new BadInputException(src, 0, 0, "cannot read: " + dev.pinfuzz.io.IoErrors.reason(e)));
        }
        return bytes(src, bytes, override, verbose);
    }

    public static Result bytes(String src, byte[] bytes, String override, PrintStream verbose) {
        Program p;
        try {
            p = TraceParser.parse(src, bytes);
        } catch (BadInputException e) {
            return new Result(src, null, override, null, e);
        }
        return program(src, p, override, verbose);
    }

    public static Result program(String src, Program p, String override, PrintStream verbose) {
        WritebackPolicy policy = policyFor(p, override);
        if (verbose != null) verbose.println(src + ": replaying under " + policy.name());
        Outcome o = Judge.run(p, policy, verbose == null ? null : k -> new VerboseTrace(p, k, verbose));
        return new Result(src, p, policy.name(), o, null);
    }
}
