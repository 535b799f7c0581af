package dev.pinfuzz.campaign;

import dev.pinfuzz.gen.Generator;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.oracle.Outcome;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.policy.WritebackPolicy;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Before the fuzzers start, the property-based engine's generator hunts each policy's clean
 * cells: a new policy with a shallow durability lie or deadlock fails the night even when the
 * budget gives its fuzzer only seconds. It never hunts an expected ("found") cell, so a campaign
 * still proves that the coverage-guided fuzzers find the canaries on their own. Each violating
 * program is written as a fuzzer input ({@code DIR/sweep-<verdict>-<sha1>}) for the triage, which
 * shrinks it like any crash.
 */
public final class PropertySweep {
    /** Generated programs per policy, unless {@code --sweep-tries} says otherwise. */
    public static final int DEFAULT_TRIES = 5000;

    private PropertySweep() {}

    /** An input the sweep wrote: the verdict it was kept for, and when (seconds since the sweep began). */
    public record Hit(Verdict verdict, Path input, double seconds) {}

    /**
     * Programs {@code 0..tries-1} of {@code seed} under {@code policy}, until each verdict of
     * {@code hunt} has shown up once; the first program to show each is written to {@code dir}.
     */
    public static List<Hit> run(String policy, Set<Verdict> hunt, long seed, int tries, Path dir) throws IOException {
        List<Hit> hits = new ArrayList<>();
        if (hunt.isEmpty() || tries <= 0) return hits;
        WritebackPolicy pol = Policies.get(policy);
        Generator gen = new Generator(policy, seed);
        Set<Verdict> left = EnumSet.copyOf(hunt);
        long t0 = System.nanoTime();
        for (int i = 0; i < tries && !left.isEmpty(); i++) {
            Program p = gen.program(i);
            Outcome o = Judge.run(p, pol);
            for (Verdict v : hunt) {
                if (!left.contains(v) || !o.has(v)) continue;
                left.remove(v);
                byte[] bytes = ProgramEncoder.encode(p);
                Files.createDirectories(dir);
                Path in = dir.resolve("sweep-" + v.spelling() + "-" + dev.pinfuzz.io.InputNames.sha1(bytes));
                Files.write(in, bytes);
                hits.add(new Hit(v, in, (System.nanoTime() - t0) / 1e9));
            }
        }
        return hits;
    }

    /** The verdicts the sweep hunts under {@code policy}: every judged column the matrix expects clean. */
    public static Set<Verdict> cleanCells(String policy) {
        Set<Verdict> s = EnumSet.noneOf(Verdict.class);
        for (Verdict v : CanaryMatrix.COLUMNS) if (!CanaryMatrix.isExpected(policy, v)) s.add(v);
        return s;
    }

    /** The default seed: the UTC day the campaign started, so each night sweeps new programs. */
    public static long seedFor(java.time.Instant started) {
        return started.getEpochSecond() / 86_400;
    }
}
