package dev.pinfuzz.cli;

import dev.pinfuzz.io.AtomicFile;
import dev.pinfuzz.io.IoErrors;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.run.Regression;
import dev.pinfuzz.run.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinfuzz promote [--java] [--dir ROOT] FINDING.trace}: keep a finding as a unit test. */
@Command(name = "promote", mixinStandardHelpOptions = true, description = "Copy a finding to " + Regression.TRACE_DIR + "/<verdict>-<policy>-<hash8>.trace "
        + "(replayed by RegressionsTest); with --java also write a standalone JUnit 5 test. Exit 0 when written, 1 when the trace does not reproduce "
        + "its expect line (nothing is written), 2 on bad input.")
final class PromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FINDING.trace", description = "a trace with an expect line")
    Path finding;

    @Option(names = "--java", description = "also write " + Regression.JAVA_DIR + "/<Verdict><Policy><Hash8>Test.java")
    boolean java;

    @Option(names = "--dir", paramLabel = "ROOT", description = "project root (default: the pinfuzz checkout, from whatever directory it is run)")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String src = finding.toString();
        Program p;
        try {
            p = TraceParser.parse(src, Files.readAllBytes(finding));
        } catch (IOException e) {
            return fail(err, src + ": cannot read: " + IoErrors.reason(e), 2);
        } catch (BadInputException e) {
            return fail(err, e.getMessage(), 2);
        }
        if (p.expect() == null) return fail(err, src + ":1:1: no expect line: a regression must state the verdict it reproduces", 2);
        Program canon = p.withPolicy(Replay.policyFor(p, null).name());
        Outcome o = Judge.run(canon, Replay.policyFor(canon, null));
        if (!o.verdicts().equals(canon.expect()))
            return fail(err, src + ": does not reproduce: expect " + TraceWriter.verdicts(canon.expect()) + " but replay reports "
                    + TraceWriter.verdicts(o.verdicts()) + "; nothing written", 1);
        if (dir == null) dir = Checkout.resolve(".");
        if (!Files.isDirectory(dir)) return fail(err, "pinfuzz promote: --dir " + dir + ": no such directory (the project root)", 2);
        Regression r = new Regression(canon, o);
        Path trace = dir.resolve(Regression.TRACE_DIR).resolve(r.traceName());
        Path test = dir.resolve(Regression.JAVA_DIR).resolve(r.javaClass() + ".java");
        try {
            AtomicFile.write(trace, r.traceText());
            out.println(trace);
            if (java) {
                AtomicFile.write(test, r.javaText());
                out.println(test);
            }
        } catch (IOException e) {
            return fail(err, "pinfuzz promote: cannot write under " + dir + ": " + IoErrors.reason(e), 2);
        }
        out.flush();
        return 0;
    }

    private static int fail(PrintWriter err, String msg, int code) {
        err.println(msg);
        err.flush();
        return code;
    }
}
