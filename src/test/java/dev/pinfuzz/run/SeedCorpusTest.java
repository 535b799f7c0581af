package dev.pinfuzz.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.program.TraceWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every seed trace replays to its expect line; together they cover every canary-matrix cell. */
class SeedCorpusTest {
    private static final Path SEEDS = Path.of("corpus", "seeds");
    private static final List<String> POLICIES = List.of("gup-2018", "wait-on-pin", "skip-pinned", "bounce-pinned", "refuse-longterm", "fail-fsync");
    private static final List<String> VERDICTS = List.of("durability", "liveness", "pin-balance", "kernel-bug");

    private static List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(SEEDS)) {
            return s.filter(p -> p.toString().endsWith(".trace")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySeedReplaysToItsExpectLine() throws IOException {
        return seeds().stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Replay.Result r = Replay.file(f, null, null);
            assertFalse(r.badInput(), () -> r.report());
            assertNotNull(r.program().expect(), f + " has no expect line");
            assertEquals(TraceWriter.verdicts(r.expected()), TraceWriter.verdicts(r.outcome().verdicts()), r::report);
        }));
    }

    @Test
    void everyCellOfTheCanaryMatrixHasASeedThatSaysWhatItShows() throws IOException {
        List<String> names = seeds().stream().map(p -> p.getFileName().toString()).toList();
        for (String policy : POLICIES)
            for (String verdict : VERDICTS)
                assertTrue(names.stream().anyMatch(n -> n.startsWith(policy + "--" + verdict + "-")),
                        "no seed for the canary cell " + policy + " / " + verdict);
        for (Path f : seeds())
            assertTrue(Files.readString(f).startsWith("# "), f + " must start with a comment saying what it shows");
    }
}
