package dev.pinfuzz.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.pinfuzz.program.TraceWriter;
import dev.pinfuzz.run.Replay;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Promoted by {@code pinfuzz promote --java} from durability-skip-pinned-114672b4.trace. */
final class DurabilitySkipPinned114672b4Test {
    private static final String TRACE = """
            policy skip-pinned
            file f pages=1
            A: p = pin_user_pages(f, 0, 1, 0)
            A: write(f, 0, 1)
            A: fsync(f)
            expect durability
            # durability: fsync(f) at line 5 by task A returned 0, but if power failed when it returned, bytes 0..0 of f hold the value from line 0 (the file's initial zeros); the last write acknowledged before it began was line 4 (write(f, 0, 1) by task A)
            """;

    @Test
    @DisplayName("durability-skip-pinned-114672b4.trace still reports durability under skip-pinned")
    void stillReportsItsExpectedVerdict() {
        Replay.Result r = Replay.bytes("durability-skip-pinned-114672b4.trace", TRACE.getBytes(StandardCharsets.UTF_8), null, null);
        assertFalse(r.badInput(), () -> "the promoted trace no longer parses: " + r.report());
        assertEquals("durability", TraceWriter.verdicts(r.outcome().verdicts()),
                () -> "under skip-pinned this program must report durability: " + r.report());
    }
}
