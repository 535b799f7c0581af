package dev.pinfuzz.gen;

import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: {@code java -cp ... dev.pinfuzz.gen.CanaryBenchmark [seeds] [tries]} prints, per
 * canary cell, the median tries and time to the first finding over seeds 1..N and the shrunk
 * sizes, then raw generate+judge throughput per policy.
 */
public final class CanaryBenchmark {
    private CanaryBenchmark() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int tries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Check.run("gup-2018", 0, 3000, null, null); // warm the JIT before timing anything
        for (CanaryCell c : CanaryCell.FOUND) {
            long[] n = new long[seeds];
            double[] ms = new double[seeds];
            int[] size = new int[seeds];
            for (int s = 1; s <= seeds; s++) {
                long t0 = System.nanoTime();
                Check.Result r = Check.run(c.policy(), s, tries, c.verdict(), null);
                ms[s - 1] = (System.nanoTime() - t0) / 1e6;
                n[s - 1] = r.found() == null ? Long.MAX_VALUE : r.found().tryIndex() + 1;
                size[s - 1] = r.found() == null ? -1 : r.found().program().size();
            }
            System.out.printf(Locale.ROOT, "%-12s %-11s median tries %6d, median time to shrunk finding %7.1f ms, tries %s, steps %s (min %d)%n",
                    c.policy(), c.verdict().spelling(), median(n), median(ms), Arrays.toString(n), Arrays.toString(size), c.minimum());
        }
        decodeOnly(tries * 10);
        for (String p : Policies.names()) {
            WritebackPolicy pol = Policies.get(p);
            Generator g = new Generator(p, 7);
            long steps = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < tries; i++) {
                var prog = g.program(i);
                steps += prog.size();
                Judge.run(prog, pol);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%-16s %8.0f programs/s %9.0f steps/s (generate + judge, seed 7, %d programs)%n", p, tries / s, steps / s, tries);
        }
    }

    /** The decoder alone, as a Jazzer target pays for it: random fuzzer inputs of up to 256 bytes. */
    private static void decodeOnly(int n) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        byte[][] inputs = new byte[4096][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new byte[r.nextInt(256)];
            r.nextBytes(inputs[i]);
        }
        for (int round = 0; round < 2; round++) { // the first round warms up
            long steps = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) steps += ProgramDecoder.decode("skip-pinned", inputs[i & 4095]).size();
            double s = (System.nanoTime() - t0) / 1e9;
            if (round == 1)
                System.out.printf(Locale.ROOT, "decode only      %8.0f programs/s (fuzzer inputs of 0..255 bytes, %.1f steps each)%n", n / s, (double) steps / n);
        }
    }

    private static long median(long[] a) {
        long[] b = a.clone();
        Arrays.sort(b);
        return b[b.length / 2];
    }

    private static double median(double[] a) {
        double[] b = a.clone();
        Arrays.sort(b);
        return b[b.length / 2];
    }
}
