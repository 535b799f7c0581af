package dev.pinfuzz.cli;

import dev.pinfuzz.importer.Conformance;
import dev.pinfuzz.importer.ImportException;
import dev.pinfuzz.importer.JazzerSeeds;
import dev.pinfuzz.importer.Importer;
import dev.pinfuzz.importer.Problem;
import dev.pinfuzz.io.FileBatch;
import java.io.IOException;
import dev.pinfuzz.io.IoErrors;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pinfuzz import FILE.strace [-o OUT.trace] [--max-steps K] [--check] [--strict]} and
 * {@code pinfuzz import --corpus DIR FILE...}. Every input is imported, and every output computed
 * and its destination checked, before anything is written: on an error (exit 2) no output file is
 * touched ({@link FileBatch}).
 */
@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Turn strace logs (strace -f -tt -T -x -y) into trace v1 programs (docs/import.md).",
        "Exit 0 when done; 1 when --check finds a kernel answer the model does not predict or the program does not",
        "replay ok under refuse-longterm; 2 on bad input (nothing is written then)."})
final class ImportCommand implements Callable<Integer> {
    private static final int SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "strace logs")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "write the trace here (default: stdout)")
    Path output;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "write DIR/<name>.trace for each FILE, and its Jazzer inputs to DIR/jazzer/<policy>/<sha1>")
    Path corpus;

    @Option(names = "--jazzer-dir", paramLabel = "JDIR",
            description = "with --corpus: the Jazzer inputs go to JDIR/<policy>/ instead (corpus/jazzer: straight into the fuzzing corpus)")
    Path jazzerDir;

    @Option(names = "--max-steps", paramLabel = "K", defaultValue = "" + Importer.DEFAULT_MAX_STEPS,
            description = "keep at most K steps (default ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--check", description = "replay under refuse-longterm and compare the kernel's recorded answers to pinning calls")
    boolean check;

    @Option(names = "--strict", description = "a malformed line is an error (exit 2), not a warning")
    boolean strict;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = System.err;
        String usage = usage();
        if (usage != null) {
            err.println("pinfuzz import: " + usage);
            return 2;
        }
        List<Importer.Result> results = new ArrayList<>();
        boolean failed = false;
        for (Path f : files) {
            try {
                Importer.Result r = Importer.run(f.toString(), read(f), maxSteps);
                int shown = 0;
                for (Problem p : r.problems())
                    if (shown++ < SHOWN) err.println(p.format(f.toString()));
                if (shown > SHOWN) err.println(f + ": " + (shown - SHOWN) + " more problems not shown");
                failed |= strict && !r.problems().isEmpty();
                results.add(r);
            } catch (ImportException e) {
                err.println(e.getMessage());
                failed = true;
            }
        }
        if (failed) {
            if (strict) err.println("pinfuzz import: --strict: nothing written");
            return 2;
        }
        try {
            write(results, out);
        } catch (FileBatch.Failure e) {
            err.println("pinfuzz import: " + e.getMessage());
            return 2;
        }
        if (stdoutFailed(out)) {
            err.println("pinfuzz import: cannot write to stdout");
            return 2;
        }
        int code = 0;
        if (check) {
            PrintStream to = output == null && corpus == null ? err : out;
            for (Importer.Result r : results) {
                Conformance c = r.conformance();
                to.println(c.report(r.source()));
                if (c.predicted() < c.checks().size() || !c.outcome().ok()) code = 1;
            }
            if (to == out && stdoutFailed(out)) {
                err.println("pinfuzz import: cannot write to stdout");
                return 2;
            }
        }
        return code;
    }

    /** Whether writing to stdout failed (a closed pipe, {@code > /dev/full}): PrintStreams only record it. */
    private static boolean stdoutFailed(PrintStream out) {
        return out.checkError() | System.out.checkError();
    }

    private String usage() {
        if (maxSteps < 1) return "--max-steps must be at least 1, found " + maxSteps;
        if (corpus != null && output != null) return "give either -o OUT or --corpus DIR, not both";
        if (corpus == null && files.size() > 1) return "one FILE at a time, or --corpus DIR FILE... for many";
        if (corpus != null && !Files.isDirectory(corpus)) return "--corpus " + corpus + (Files.exists(corpus) ? ": not a directory" : ": no such directory");
        if (jazzerDir != null && corpus == null) return "--jazzer-dir needs --corpus DIR";
        if (corpus != null) {
            Map<String, Path> logOf = new HashMap<>();
            for (Path f : files) {
                Path other = logOf.putIfAbsent(name(f.toString()), f);
                if (other != null && !other.equals(f))
                    return other + " and " + f + " would both be written to " + corpus.resolve(name(f.toString()) + ".trace");
            }
        }
        return null;
    }

    private static byte[] read(Path f) throws ImportException {
        try {
            return Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            throw new ImportException(f + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new ImportException(f + ": cannot read: " + (e instanceof IOException io ? IoErrors.reason(io) : e.getMessage()));
        }
    }

    /**
     * The outputs: stdout, {@code -o OUT} (its directory must exist; a symbolic link, FIFO or other
     * non-regular file there is refused, not replaced), or for {@code --corpus} each log's trace
     * and Jazzer inputs, all computed first and written as one {@link FileBatch}.
     */
    private void write(List<Importer.Result> results, PrintStream out) throws FileBatch.Failure {
        if (corpus == null && output == null) {
            out.print(results.get(0).trace());
            return;
        }
        FileBatch batch = new FileBatch();
        List<String> summaries = new ArrayList<>();
        if (corpus != null) {
            Path jdir = jazzerDir != null ? jazzerDir : corpus.resolve("jazzer");
            for (Importer.Result r : results) {
                String name = name(r.source());
                batch.add(corpus.resolve(name + ".trace"), utf8(r.trace()), false);
                List<JazzerSeeds.Input> inputs = JazzerSeeds.of(r.program());
                for (JazzerSeeds.Input in : inputs) batch.add(jdir.resolve(in.policy()).resolve(in.name()), in.bytes(), true);
                summaries.add(name + ": " + JazzerSeeds.summary(inputs) + " in " + jdir);
            }
        } else {
            batch.add(output, utf8(results.get(0).trace()), false);
        }
        batch.commit();
        for (String s : summaries) out.println(s);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code dir/fio_x.strace} -> {@code fio_x}. */
    static String name(String source) {
        String base = Path.of(source).getFileName().toString();
        return base.endsWith(".strace") ? base.substring(0, base.length() - 7) : base;
    }
}
