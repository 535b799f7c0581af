package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.oracle.Judge;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The other half of the targets' regression mode: their {@code @FuzzTest} fails on a clean cell's
 * verdict; this checks that each canary's stored inputs still show every verdict its row expects.
 */
final class RegressionInputsTest {
    private static final Path ROOT = Path.of("src", "test", "resources", "dev", "pinfuzz", "fuzz");
    private static final Map<String, String> CLASSES = Map.of("gup-2018", "Gup2018", "wait-on-pin", "WaitOnPin",
            "skip-pinned", "SkipPinned", "bounce-pinned", "BouncePinned", "refuse-longterm", "RefuseLongterm", "fail-fsync", "FailFsync");

    @Test
    void everyPolicyTargetKeepsAFewInputsAndTogetherTheyShowItsRowOfTheMatrix() throws IOException {
        // One target class per policy of DESIGN's matrix; a policy a user adds may have one too (README).
        assertTrue(Policies.names().containsAll(CLASSES.keySet()), "every built-in policy is registered");
        for (Map.Entry<String, String> e : CLASSES.entrySet()) {
            Path dir = ROOT.resolve(e.getValue() + "FuzzTestInputs").resolve("canaryMatrix");
            List<Path> inputs;
            try (Stream<Path> s = Files.list(dir)) {
                inputs = s.filter(Files::isRegularFile).toList();
            }
            assertTrue(inputs.size() >= 3, dir + " keeps only " + inputs.size() + " inputs");
            Set<Verdict> shown = EnumSet.noneOf(Verdict.class);
            int longest = 0;
            for (Path in : inputs) {
                var p = ProgramDecoder.decode(e.getKey(), Files.readAllBytes(in));
                shown.addAll(Judge.run(p, Policies.get(e.getKey())).verdicts());
                longest = Math.max(longest, p.size());
            }
            assertTrue(shown.containsAll(CanaryMatrix.expected(e.getKey())), e.getKey() + " shows only " + shown);
            assertEquals(Set.of(), CanaryMatrix.violations(e.getKey(), shown), e.getKey());
            assertTrue(longest >= 20, e.getKey() + ": no input reaches a deep state (longest " + longest + " steps)");
        }
    }
}
