package dev.pinfuzz.gen;

import dev.pinfuzz.program.Program;
import java.util.SplittableRandom;

/**
 * Random programs: the decoder fed bytes from a seeded {@link SplittableRandom}. Program
 * {@code i} of a seed depends only on the seed and {@code i}, so a try can be regenerated alone.
 */
public final class Generator {
    /** Longest random program; most counterexamples need a handful of steps among noise. */
    public static final int MAX_LENGTH = 24;

    private final String policy;
    private final long seed;

    public Generator(String policy, long seed) {
        this.policy = policy;
        this.seed = seed;
    }

    /** The {@code i}-th program of this seed. */
    public Program program(long i) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        int length = 1 + r.nextInt(MAX_LENGTH);
        return ProgramDecoder.decode(policy, ByteSource.random(r), length);
    }
}
