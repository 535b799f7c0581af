package dev.pinfuzz.bench;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of each call, judged: a two-page file with a pinned, written page as the setting,
 * then the call. Subtract {@code baseline} (the setting alone) for the call's own cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StepBenchmark {
    private static final String SETTING = "file f pages=2\nA: write(f, 0, 100)\nA: p = pin_user_pages(f, 0, 1, FOLL_WRITE)\n";

    @Param({"baseline", "write(f, 4000, 200)", "store(f, 10, 10)", "q = pin_user_pages(f, 1, 1, FOLL_WRITE)",
            "dev: dma_write(p, 0, 64)", "unpin_user_pages_dirty_lock(p, true)", "fsync(f)", "writeback(f)",
            "reclaim()", "truncate(f, 100)", "exit()", "crash()"})
    public String call;

    private Program program;
    private WritebackPolicy policy;

    @Setup
    public void setup() throws BadInputException {
        String step = call.equals("baseline") ? "" : call.contains(":") || call.equals("crash()") ? call + "\n" : "A: " + call + "\n";
        program = TraceParser.parse("bench.trace", SETTING + step);
        policy = Policies.get("bounce-pinned");
    }

    @Benchmark
    public Object step() {
        return Judge.run(program, policy);
    }
}
