package dev.pinfuzz.bench;

import dev.pinfuzz.gen.ByteSource;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Programs per second through the model and its oracles ({@code Judge.run}), single thread: for each
 * policy a fixed pool of programs decoded from seeded random bytes with at most 16..24 steps (median
 * 20), run over and over; and the same with the decoding in the loop, as a fuzzer pays it. All
 * policies warm up together first (the JIT compiles the shared model once, not under the first
 * policy's timing); each rate is the median of five slices, which damps a noisy machine.
 */
public final class ModelThroughput {
    private static final int POOL = 512;
    private static final int INPUT_BYTES = 512;
    private static final int SLICES = 5;

    /** One policy's figures. */
    public record Rate(String policy, double programsPerSecond, double stepsPerSecond, double meanSteps,
                       double decodedProgramsPerSecond) {}

    /** One policy's pool. */
    private record Pool(String policy, WritebackPolicy rules, byte[][] inputs, int[] maxSteps, Program[] programs, double meanSteps) {
        static Pool of(String policy) {
            SplittableRandom r = new SplittableRandom(20261126);
            byte[][] inputs = new byte[POOL][INPUT_BYTES];
            int[] maxSteps = new int[POOL];
            Program[] programs = new Program[POOL];
            long steps = 0;
            for (int i = 0; i < POOL; i++) {
                r.nextBytes(inputs[i]);
                maxSteps[i] = 16 + r.nextInt(9);
                programs[i] = ProgramDecoder.decode(policy, ByteSource.of(inputs[i]), maxSteps[i]);
                steps += programs[i].size();
            }
            return new Pool(policy, Policies.get(policy), inputs, maxSteps, programs, (double) steps / POOL);
        }

        /** Programs per second over {@code seconds}, with or without decoding each time. */
        double rate(double seconds, boolean decode) {
            long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9), n = 0;
            do {
                for (int k = 0; k < 64; k++, n++) {
                    int i = (int) (n % POOL);
                    Program p = decode ? ProgramDecoder.decode(policy, ByteSource.of(inputs[i]), maxSteps[i]) : programs[i];
                    Judge.run(p, rules);
                }
            } while (System.nanoTime() < end);
            return n * 1e9 / (System.nanoTime() - t0);
        }

        double median(double seconds, boolean decode) {
            double[] r = new double[SLICES];
            for (int s = 0; s < SLICES; s++) r[s] = rate(seconds / SLICES, decode);
            Arrays.sort(r);
            return r[SLICES / 2];
        }
    }

    private ModelThroughput() {}

    /**
     * @param warmupSeconds warm-up per policy, spent round-robin over all of them before any timing
     * @param seconds timed seconds per policy (and half as long again with decoding)
     */
    public static List<Rate> measure(List<String> policies, double warmupSeconds, double seconds) {
        List<Pool> pools = policies.stream().map(Pool::of).toList();
        for (int round = 0; round < 4; round++)
            for (Pool p : pools) {
                p.rate(warmupSeconds / 8, false);
                p.rate(warmupSeconds / 8, true);
            }
        List<Rate> out = new ArrayList<>();
        for (Pool p : pools) {
            double programs = p.median(seconds, false);
            out.add(new Rate(p.policy(), programs, programs * p.meanSteps(), p.meanSteps(), p.median(seconds / 2, true)));
        }
        return out;
    }
}
