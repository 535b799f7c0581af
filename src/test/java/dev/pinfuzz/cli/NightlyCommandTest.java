package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pinfuzz.run.Replay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pinfuzz nightly} end to end with a tiny budget on one canary (its seed corpus holds the
 * lie, so the finding does not depend on luck), its argument checks, and what SIGTERM leaves.
 */
final class NightlyCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void badArgumentsExitTwoWithAMessageAndNoStackTrace(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        for (String[] args : List.of(new String[] {"--budget", "0s"}, new String[] {"--budget", "soon"},
                new String[] {"--policy", "no-such-policy"}, new String[] {"--jobs", "0"}, new String[] {"--coverage", "edges"})) {
            String[] full = Stream.concat(Stream.of("nightly", "--out", out), Stream.of(args)).toArray(String[]::new);
            CliRun r = run(full);
            assertEquals(2, r.code(), String.join(" ", args));
            assertFalse(r.err().contains("\tat "), r.err());
            assertTrue(r.err().contains(args[1]), () -> "the message names the bad value: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written on bad arguments");
        CliRun f = run("fuzz", "--policy", "skip-pinned", "--coverage", "edges", "--out", out);
        assertEquals(2, f.code(), f.err());
        assertEquals("pinfuzz: unknown --coverage 'edges' (known: states, model)", f.err().strip());
        assertFalse(Files.exists(dir.resolve("o")), "nothing is written on bad arguments");
    }

    @Test
    void aTinyNightlyFindsTheCanaryWritesItsFilesAndEveryFindingReplays(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("night");
        CliRun r = run("nightly", "--budget", "4s", "--policy", "skip-pinned", "--jobs", "1", "--no-empty", "--no-merge", "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("canary matrix holds"), r.out());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("canary_matrix_holds").asBoolean());
        JsonNode sp = s.get("policies").get("skip-pinned");
        assertTrue(sp.get("executions").asLong() > 0);
        assertEquals("durability", sp.get("verdicts").get(0).asText());
        assertEquals(5000, s.get("property_sweep").get("programs_per_policy").asInt(), "the property sweep ran first");
        assertTrue(r.err().contains("property sweep (5000 programs per policy, seed "), r.err());
        for (JsonNode f : sp.get("findings")) {
            assertEquals("jazzer", f.get("engine").asText(), "skip-pinned's clean cells are clean: only Jazzer found its lie");
            Replay.Result again = Replay.file(out.resolve(f.get("trace").asText()), null, null);
            assertTrue(again.matches(), again::report);
        }
        assertTrue(Files.readString(out.resolve("report.html")).contains("./pinfuzz replay " + out + "/findings/"));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void sigtermStopsTheFuzzersAndKeepsWhatWasFoundInCompleteFiles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("night");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(java, "-cp", cp, "dev.pinfuzz.cli.Main", "nightly", "--budget", "10m", "--policy", "skip-pinned",
                "--jobs", "1", "--no-empty", "--no-merge", "--out", out.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").toFile()).start();
        try {
            Path crashes = out.resolve("work/skip-pinned/crashes");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && !hasCrash(crashes)) Thread.sleep(200);
            assertTrue(hasCrash(crashes), "the seed corpus's lie is found at start-up");
            Thread.sleep(500);
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stops promptly");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("log"));
        assertEquals(143, p.exitValue(), log);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(s.get("interrupted").asBoolean(), log);
        assertEquals("durability", s.get("policies").get("skip-pinned").get("findings").get(0).get("verdict").asText(), log);
        assertTrue(Files.readString(out.resolve("report.html")).endsWith("</html>\n"));
        assertEquals(List.of(), leftovers(out));
    }

    private static boolean hasCrash(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(f -> f.getFileName().toString().startsWith("crash-"));
        }
    }

    /** Temporary files of atomic writes that were never renamed. */
    private static List<Path> leftovers(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
