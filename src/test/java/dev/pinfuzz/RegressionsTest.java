package dev.pinfuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.pinfuzz.run.Replay;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every finding promoted with {@code pinfuzz promote} still reports the verdict on its expect line. */
final class RegressionsTest {
    @TestFactory
    Stream<DynamicTest> everyPromotedFindingStillReportsItsExpectedVerdict() throws IOException, URISyntaxException {
        URL dir = RegressionsTest.class.getResource("/regressions");
        if (dir == null) return Stream.empty();
        List<Path> traces;
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            traces = s.filter(p -> p.toString().endsWith(".trace")).sorted().toList();
        }
        return traces.stream().map(t -> dynamicTest(t.getFileName().toString(), t.toUri(), () -> {
            Replay.Result r = Replay.file(t, null, null);
            assertFalse(r.badInput(), r::report);
            assertNotNull(r.program().expect(), () -> t.getFileName() + " has no expect line: a regression must state its verdict");
            assertTrue(r.matches(), () -> "the model no longer reproduces this finding:\n" + r.report());
        }));
    }
}
