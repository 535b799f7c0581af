package dev.pinfuzz.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.program.TraceWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DESIGN.md §4 example replays to the verdict DESIGN states under each policy it names. */
class DesignExamplesTest {
    static final String EXAMPLE = """
            policy skip-pinned
            file f pages=2
            A: write(f, 0, 100)
            A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
            B: fsync(f)
            crash()
            expect durability
            """;

    @ParameterizedTest(name = "under {0}: {1}")
    @CsvSource({"skip-pinned,durability", "bounce-pinned,ok", "wait-on-pin,liveness", "refuse-longterm,ok"})
    void theSkipPinnedExample(String policy, String verdict) {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Replay.Result r = Replay.bytes("design.trace", EXAMPLE.getBytes(StandardCharsets.UTF_8), policy,
                new java.io.PrintStream(buf, true, StandardCharsets.UTF_8));
        assertEquals(verdict, TraceWriter.verdicts(r.outcome().verdicts()), r.report());
        if (policy.equals("refuse-longterm"))
            assertTrue(buf.toString(StandardCharsets.UTF_8).contains("p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM) = -EFAULT"),
                    "under refuse-longterm the pin must fail with -EFAULT:\n" + buf);
    }
}
