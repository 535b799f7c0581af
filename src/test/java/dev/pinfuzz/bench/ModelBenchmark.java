package dev.pinfuzz.bench;

import dev.pinfuzz.gen.ByteSource;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.mm.Observer;
import dev.pinfuzz.mm.Scheduler;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import java.util.SplittableRandom;
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
 * The hot paths a fuzzer execution goes through: decode bytes to a program, run it on the
 * model (no oracles), run it judged by the four oracles. Programs of about 20 steps.
 * Run: {@code mvn -q test-compile exec:exec@jmh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ModelBenchmark {
    private static final int PROGRAMS = 256;
    private static final Observer NOBODY = new Observer() {};

    @Param({"refuse-longterm", "wait-on-pin", "gup-2018"})
    public String policy;

    private byte[][] inputs;
    private Program[] programs;
    private int next;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(20261126);
        inputs = new byte[PROGRAMS][];
        programs = new Program[PROGRAMS];
        for (int i = 0; i < PROGRAMS; i++) {
            byte[] b = new byte[256];
            r.nextBytes(b);
            inputs[i] = b;
            programs[i] = ProgramDecoder.decode(policy, ByteSource.of(b), 16 + r.nextInt(9));
        }
    }

    private int next() {
        return next = (next + 1) & (PROGRAMS - 1);
    }

    /** Bytes to a well-formed program (the decoder the Jazzer targets drive). */
    @Benchmark
    public Program decode() {
        return ProgramDecoder.decode(policy, inputs[next()]);
    }

    /** The model alone: scheduler, page cache, writeback, reclaim; nobody watching. */
    @Benchmark
    public Object runModel() {
        return Scheduler.run(programs[next()], Policies.get(policy), NOBODY);
    }

    /** The model with the four oracles: what one fuzzer execution costs after decoding. */
    @Benchmark
    public Object runJudged() {
        return Judge.run(programs[next()], Policies.get(policy));
    }
}
