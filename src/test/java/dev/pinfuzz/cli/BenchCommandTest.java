package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinfuzz bench}'s argument checks: one line naming the bad value, exit 2, nothing measured or written. */
final class BenchCommandTest {
    @Test
    void badArgumentsExitTwoWithOneLineNamingTheValueAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String[] args : List.of(new String[] {"--seeds", "0"}, new String[] {"--jazzer-seeds", "101"},
                new String[] {"--nightly-budget", "soon"}, new String[] {"--tries", "-3"}, new String[] {"--bogus", "--bogus"}, new String[] {"--coverage", "edges"},
                new String[] {"--out", file.toString()})) {
            StringWriter out = new StringWriter(), err = new StringWriter();
            Stream<String> out0 = args[0].equals("--out") ? Stream.of("bench") : Stream.of("bench", "--out", dir.resolve("o").toString());
            String[] full = Stream.concat(out0, Stream.of(args)).toArray(String[]::new);
            int code = Main.execute(new PrintWriter(out), new PrintWriter(err), full);
            String e = err.toString();
            assertEquals(2, code, String.join(" ", args) + ": " + e);
            assertEquals(1, e.lines().count(), () -> "one line: " + e);
            assertTrue(e.startsWith("pinfuzz bench: ") && e.contains(args[1]), () -> "names the bad value: " + e);
            assertFalse(e.contains("\tat "), e);
            assertEquals("", out.toString());
        }
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written on bad arguments");
    }

    @Test
    void helpDescribesTheOptionsAndExitsZero() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(out), new PrintWriter(err), "bench", "--help"));
        for (String o : List.of("--quick", "--out", "--no-jazzer", "--no-nightly", "--nightly-budget", "--seeds", "--coverage"))
            assertTrue(out.toString().contains(o), () -> o + " in\n" + out);
    }
}
