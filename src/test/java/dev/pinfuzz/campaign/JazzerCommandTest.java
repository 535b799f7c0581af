package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

class JazzerCommandTest {
    private static final String DETECTORS = "com/code_intelligence/jazzer/sanitizers/";

    private static List<String> fuzz() {
        return fuzz(Coverage.STATES);
    }

    private static List<String> fuzz(Coverage coverage) {
        return new JazzerCommand("java", "cp", coverage).fuzz("gup-2018", Path.of("c"), List.of(), Path.of("a"), 5, 1);
    }

    private static String flag(List<String> cmd, String name) {
        return cmd.stream().filter(a -> a.startsWith(name + "=")).findFirst().map(a -> a.substring(name.length() + 1)).orElse(null);
    }

    @Test
    void fuzzingRunsUseEdgeCoverageOnlyAndKeepGoingAfterFindings() {
        List<String> c = fuzz();
        assertEquals("cov", flag(c, "--trace"));
        assertEquals(String.valueOf(JazzerCommand.KEEP_GOING), flag(c, "--keep_going"));
        assertEquals("1", flag(c, "-seed"));
    }

    @Test
    void stateCoverageInstrumentsOnlyThePoliciesAndTellsTheTargetToReportFolioStates() {
        List<String> c = fuzz(Coverage.STATES);
        assertEquals("dev.pinfuzz.policy.**", flag(c, "--instrumentation_includes"));
        assertTrue(c.contains("-Dpinfuzz.coverage=states"), c.toString());
        List<String> m = new JazzerCommand("java", "cp", Coverage.STATES).merge("gup-2018", Path.of("c"), List.of(Path.of("n")));
        assertTrue(m.contains("-Dpinfuzz.coverage=states"), "a merge must count the features the fuzzing run counted: " + m);
    }

    @Test
    void modelCoverageInstrumentsTheMmCoreAndThePolicies() {
        List<String> c = fuzz(Coverage.MODEL);
        assertEquals("dev.pinfuzz.mm.**:dev.pinfuzz.policy.**", flag(c, "--instrumentation_includes"));
        assertTrue(c.contains("-Dpinfuzz.coverage=model"), c.toString());
    }

    @Test
    void aReplayCostRunIsAFuzzingRunOfTheReplayTargetWithItsStageAndInputs() {
        List<String> r = new JazzerCommand("java", "cp", Coverage.STATES).replayCost("wait-on-pin", "judge", Path.of("/in"), Path.of("c"), 8);
        List<String> f = fuzz(Coverage.STATES);
        assertEquals(JazzerCommand.REPLAY_COST_TARGET, flag(r, "--target_class"));
        assertTrue(r.containsAll(List.of("-Dpinfuzz.policy=wait-on-pin", "-Dpinfuzz.cost.stage=judge", "-Dpinfuzz.cost.inputs=/in",
                "-Dpinfuzz.coverage=states")), r.toString());
        for (String same : List.of("--instrumentation_includes", "--trace", "--disabled_hooks", "-seed"))
            assertEquals(flag(f, same), flag(r, same), "the replay must price what the fuzzing run does: " + same);
        assertEquals("8", flag(r, "-max_total_time"));
        assertEquals("c", r.get(r.size() - 1), "libFuzzer's corpus directory comes last");
        assertEquals(r.indexOf("com.code_intelligence.jazzer.Jazzer"), r.indexOf("cp") + 1, "properties go to the JVM, before the driver");
    }

    /** The bug detectors ship in Jazzer's bootstrap jar; an upgrade that adds one must not slip in unnoticed. */
    @Test
    void everyBugDetectorOfTheJazzerOnTheClasspathIsDisabledAndNoneIsMadeUp() throws IOException {
        Set<String> shipped = new TreeSet<>();
        try (InputStream in = com.code_intelligence.jazzer.Jazzer.class.getResourceAsStream(
                "/com/code_intelligence/jazzer/runtime/jazzer_bootstrap.jar")) {
            assertNotNull(in, "Jazzer's bootstrap jar is not on the test classpath");
            JarInputStream jar = new JarInputStream(in);
            for (JarEntry e; (e = jar.getNextJarEntry()) != null; ) {
                String n = e.getName();
                if (!n.startsWith(DETECTORS) || !n.endsWith(".class") || n.contains("$")) continue;
                String simple = n.substring(DETECTORS.length(), n.length() - ".class".length());
                if (simple.contains("/") || simple.endsWith("Kt") || simple.equals("Constants")) continue;
                shipped.add(simple);
            }
        }
        assertTrue(shipped.contains("RegexRoadblocks"), "no bug detectors found in Jazzer's bootstrap jar: " + shipped);
        Set<String> disabled = new TreeSet<>();
        for (String d : flag(fuzz(), "--disabled_hooks").split(":")) {
            assertTrue(d.startsWith("com.code_intelligence.jazzer.sanitizers."), d);
            disabled.add(d.substring("com.code_intelligence.jazzer.sanitizers.".length()));
        }
        assertEquals(shipped, disabled, "the fuzz command must disable exactly the bug detectors Jazzer ships");
    }
}
