package dev.pinfuzz.cli;

import dev.pinfuzz.gen.Check;
import dev.pinfuzz.io.FileBatch;
import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.program.Verdict;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pinfuzz check --policy P [--seed S] [--tries N] [--verdict V] [--out FILE]} (DESIGN §5). */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Property-based run: generate programs, stop at the first violation, shrink it and "
        + "print it as a trace. Exit 1 when found, 0 when none, 2 on bad arguments.")
final class CheckCommand implements Callable<Integer> {
    private static final String VERDICTS = "durability, liveness, pin-balance, kernel-bug";

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "P", description = "policy to check")
    String policy;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default: a fresh one, printed)")
    Long seed;

    @Option(names = "--tries", paramLabel = "N", defaultValue = "10000", description = "programs to try (default ${DEFAULT-VALUE})")
    int tries;

    @Option(names = "--verdict", paramLabel = "V", description = "stop only at this verdict (" + VERDICTS + ")")
    String verdict;

    @Option(names = "--out", paramLabel = "FILE", description = "also write the counterexample here")
    Path out;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Policies.get(policy) == null) return bad(err, "unknown policy '" + policy + "' (known: " + String.join(", ", Policies.names()) + ")");
        Verdict target = verdict == null ? null : Verdict.bySpelling(verdict);
        if (verdict != null && (target == null || target == Verdict.OK || target == Verdict.BAD_INPUT))
            return bad(err, "unknown verdict '" + verdict + "' for --verdict (" + VERDICTS + ")");
        if (tries < 1) return bad(err, "--tries must be at least 1, found " + tries);
        if (out != null && out.toString().isEmpty()) return bad(err, "--out needs a file name, found an empty path");
        if (out != null) {
            try {
                FileBatch.preflight(out, false); // before the search, not after it
            } catch (FileBatch.Failure e) {
                return bad(err, e.getMessage());
            }
        }
        long s = seed != null ? seed : new SplittableRandom().nextLong();
        String cmd = "pinfuzz check --policy " + policy + " --seed " + s + " --tries " + tries + (verdict == null ? "" : " --verdict " + verdict);
        err.println("pinfuzz check: policy " + policy + ", seed " + s + ", up to " + tries + " tries");
        err.flush();
        Progress bar = System.console() != null ? new Progress(err, tries) : null;
        Check.Result r = Check.run(policy, s, tries, target, bar == null ? null : bar::update);
        if (bar != null) bar.done();
        err.println("pinfuzz check: " + r.stats().rates());
        err.flush();
        if (r.found() == null) {
            if (out != null && java.nio.file.Files.exists(out))
                err.println("pinfuzz check: nothing found, so " + out + " is left as an earlier run wrote it");
            o.println("# " + cmd + ": no " + (verdict == null ? "violation" : verdict) + " in " + tries + " tries");
            o.print(r.stats().format());
            o.flush();
            return 0;
        }
        String trace = trace(r.found(), cmd);
        o.print(trace);
        o.println("#");
        o.print(r.stats().format());
        o.flush();
        if (out != null) {
            // As import -o: a symbolic link, FIFO or directory there is refused, not replaced, and a
            // missing directory is not made (a mistyped path should not grow a tree).
            FileBatch file = new FileBatch();
            file.add(out, trace.getBytes(StandardCharsets.UTF_8), false);
            try {
                file.commit();
            } catch (FileBatch.Failure e) {
                return bad(err, e.getMessage());
            }
        }
        return 1;
    }

    /** The shrunk program as a v1 trace; explanations come after the expect line so line numbers hold. */
    static String trace(Check.Found f, String cmd) {
        StringBuilder sb = new StringBuilder(TraceWriter.print(f.program()));
        for (Finding x : f.outcome().firstOfEach())
            sb.append("# ").append(x.verdict().spelling()).append(": ").append(x.explanation().replace("\n", "\n#   ")).append('\n');
        sb.append("# found by: ").append(cmd).append(" (try ").append(f.tryIndex() + 1).append(", ")
                .append(f.original().size()).append(" steps, shrunk to ").append(f.program().size())
                .append(" in ").append(f.shrinkRuns()).append(" runs)\n");
        return sb.toString();
    }

    private static int bad(PrintWriter err, String msg) {
        err.println("pinfuzz check: " + msg);
        err.flush();
        return 2;
    }

    /** A one-line progress bar on a terminal's stderr. */
    private static final class Progress {
        private final PrintWriter err;
        private final int total;

        Progress(PrintWriter err, int total) {
            this.err = err;
            this.total = total;
        }

        void update(long done) {
            int width = 30;
            int filled = (int) (done * width / total);
            err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + done + "/" + total);
            err.flush();
        }

        void done() {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}
