package dev.pinfuzz.cli;

import dev.pinfuzz.bench.Bench;
import dev.pinfuzz.bench.BenchConfig;
import dev.pinfuzz.bench.BenchJson;
import dev.pinfuzz.bench.BenchResult;
import dev.pinfuzz.bench.BenchTable;
import dev.pinfuzz.campaign.Coverage;
import dev.pinfuzz.campaign.FuzzClasspath;
import dev.pinfuzz.io.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pinfuzz bench [--quick] [--out DIR]}: the figures of BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure the harness against its speed targets; print a table, write DIR/bench.json.",
        "Model throughput; Jazzer exec/s against the empty target, and where one execution's time goes (decode, "
                + "judge, folio states, report); time to the first finding of each canary cell by the property-based "
                + "engine, by Jazzer from a cold start and by naive random programs; shrunk lengths; the heap of a short "
                + "nightly run.",
        "About 10 minutes on two cores, 3 with --quick. Exit 0 when measured, 1 when a measurement failed, "
                + "2 on bad arguments."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "shorter runs and fewer Jazzer seeds")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where to write bench.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-jazzer", description = "skip the Jazzer measurements (exec/s and Jazzer's time to find)")
    boolean noJazzer;

    @Option(names = "--no-nightly", description = "skip the nightly heap measurement")
    boolean noNightly;

    @Option(names = "--nightly-budget", paramLabel = "T", converter = Durations.class,
            description = "budget of the measured nightly run (default: 60s, 20s with --quick)")
    Integer nightlyBudget;

    @Option(names = "--seeds", paramLabel = "N", description = "seeds of the property-based and naive hunts (default: 10)")
    Integer seeds;

    @Option(names = "--jazzer-seeds", paramLabel = "N", description = "cold Jazzer runs per canary policy (default: 10, 3 with --quick)")
    Integer jazzerSeeds;

    @Option(names = "--tries", paramLabel = "N", description = "the property-based engine's cap per seed, in programs (default: 200000)")
    Integer tries;

    @Option(names = "--coverage", paramLabel = "MODE", defaultValue = "states",
            description = "what Jazzer counts as coverage in its runs: states or model (default: ${DEFAULT-VALUE})")
    String coverage;

    @Option(names = "--keep-work", hidden = true, description = "keep the scratch directory (Jazzer logs, nightly output)")
    boolean keepWork;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        if (Files.exists(out) && !Files.isDirectory(out)) return bad(err, "--out " + out + " exists and is not a directory");
        if (seeds != null && (seeds < 1 || seeds > 1000)) return bad(err, "--seeds must be between 1 and 1000, not " + seeds);
        if (jazzerSeeds != null && (jazzerSeeds < 1 || jazzerSeeds > 100))
            return bad(err, "--jazzer-seeds must be between 1 and 100, not " + jazzerSeeds);
        if (tries != null && tries < 1) return bad(err, "--tries must be at least 1, not " + tries);
        if (Coverage.problem(coverage) != null) return bad(err, Coverage.problem(coverage));
        BenchConfig c = (quick ? BenchConfig.quick() : BenchConfig.full()).withCoverage(Coverage.parse(coverage));
        c = c.withJazzer(!noJazzer).withNightly(!noNightly, nightlyBudget != null ? nightlyBudget : c.nightlySeconds())
                .withSeeds(seeds != null ? seeds : c.seeds(), jazzerSeeds != null ? jazzerSeeds : c.jazzerSeeds());
        if (tries != null) c = c.withCaps(tries, c.naiveCapSeconds(), c.jazzerCapSeconds());
        return run(c, out, keepWork, o, err);
    }

    /** Measures with {@code c}, prints the table, writes {@code dir/bench.json}; the exit code. */
    static int run(BenchConfig c, Path dir, boolean keepWork, PrintWriter o, PrintWriter err) {
        Path work = null;
        Thread hook = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "pinfuzz-bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            work = Files.createTempDirectory("pinfuzz-bench-");
            BenchResult r = new Bench(c, work, err).run();
            Path json = dir.resolve("bench.json");
            AtomicFile.write(json, BenchJson.of(r));
            o.print(BenchTable.of(r));
            o.flush();
            err.println("pinfuzz bench: wrote " + json);
            return 0;
        } catch (FuzzClasspath.NotFound e) {
            return bad(err, e.getMessage());
        } catch (IOException e) {
            err.println("pinfuzz bench: " + dev.pinfuzz.io.IoErrors.reason(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("pinfuzz bench: interrupted");
            return 1;
        } finally {
            err.flush();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running
            }
            if (work != null && !keepWork) delete(work);
            else if (work != null) err.println("pinfuzz bench: scratch directory kept: " + work);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory in /tmp: left for the system to clean
        }
    }

    private static int bad(PrintWriter err, String message) {
        err.println("pinfuzz bench: " + message);
        err.flush();
        return 2;
    }
}
