package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pinfuzz.oracle.Finding;
import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.run.Replay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays corpus/imported/*.trace as {@code pinfuzz replay} does: none is bad input, and each
 * replays to its expect line (ok without one: the recording kernel, refuse-longterm, is correct).
 */
class ImportedCorpusReplayTest {
    @TestFactory
    Stream<DynamicTest> eachImportedProgramReplaysToWhatItExpectsUnderRefuseLongterm() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.IMPORTED)) {
            return files.filter(p -> p.toString().endsWith(".trace")).sorted().toList().stream().map(p -> dynamicTest(p.getFileName().toString(), () -> {
                Replay.Result r = Replay.bytes(p.toString(), Files.readAllBytes(p), null, null);
                assertFalse(r.badInput(), () -> "bad-input: " + r.report());
                assertEquals("refuse-longterm", r.policy());
                StringBuilder why = new StringBuilder();
                for (Finding f : r.outcome().firstOfEach()) why.append("\n  ").append(f.verdict().spelling()).append(": ").append(f.explanation());
                assertTrue(r.matches(), () -> p + " replays " + TraceWriter.verdicts(r.outcome().verdicts()) + ", expected "
                        + TraceWriter.verdicts(r.expected()) + why);
            }));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLogHasItsImportedProgramCommitted() {
        return Corpus.names().stream().map(n -> dynamicTest(n, () ->
                assertTrue(Files.isRegularFile(Corpus.IMPORTED.resolve(n + ".trace")), "corpus/imported/" + n + ".trace is missing")));
    }
}
