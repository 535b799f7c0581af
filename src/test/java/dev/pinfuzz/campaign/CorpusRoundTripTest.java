package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Jazzer inputs and programs convert both ways without loss, and the stored corpus is decodable. */
final class CorpusRoundTripTest {
    @Test
    void everyDecodedProgramEncodesToBytesThatDecodeToItAgain() {
        for (String policy : Policies.names()) {
            SplittableRandom r = new SplittableRandom(policy.hashCode());
            for (int i = 0; i < 1500; i++) {
                byte[] b = new byte[r.nextInt(300)];
                r.nextBytes(b);
                Program p = ProgramDecoder.decode(policy, b);
                byte[] again = ProgramEncoder.encode(p);
                assertEquals(p, ProgramDecoder.decode(policy, again), () -> policy + ":\n" + p);
                assertArrayEquals(again, ProgramEncoder.encode(ProgramDecoder.decode(policy, again)), "encoding is canonical");
            }
        }
    }

    @Test
    void everyStoredJazzerInputDecodesUnderItsDirectorysPolicyAndRoundTrips() throws IOException {
        Path root = Path.of("corpus", "jazzer");
        int n = 0;
        for (String policy : Policies.names()) {
            Path dir = root.resolve(policy);
            assertTrue(Files.isDirectory(dir), "no corpus for " + policy);
            List<Path> inputs;
            try (Stream<Path> s = Files.list(dir)) {
                inputs = s.filter(Files::isRegularFile).toList();
            }
            assertTrue(inputs.size() >= 5, policy + " has only " + inputs.size() + " inputs");
            for (Path in : inputs) {
                Program p = ProgramDecoder.decode(policy, Files.readAllBytes(in));
                assertEquals(p, ProgramDecoder.decode(policy, ProgramEncoder.encode(p)), in::toString);
                n++;
            }
        }
        assertTrue(n > 0);
    }
}
