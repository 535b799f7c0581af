package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinfuzz promote}: findings become regression traces and standalone JUnit tests. */
final class PromoteCommandTest {
    private static final String FINDING = "policy skip-pinned\nfile f pages=1\nA: write(f, 0, 1)\n"
            + "A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)\nA: fsync(f)\nexpect durability\n";

    private static int promote(StringWriter err, String... args) {
        String[] all = Stream.concat(Stream.of("promote"), Stream.of(args)).toArray(String[]::new);
        return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), all);
    }

    private static List<Path> filesUnder(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aFindingIsCopiedUnderItsVerdictPolicyAndHashWithItsExpectLine(@TempDir Path root) throws Exception {
        Path f = Files.writeString(root.resolve("finding.trace"), FINDING + "# a comment that is not part of the canonical text\n");
        assertEquals(0, promote(new StringWriter(), "--dir", root.toString(), f.toString()));
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(FINDING.getBytes(StandardCharsets.UTF_8)), 0, 4);
        Path trace = root.resolve("src/test/resources/regressions/durability-skip-pinned-" + hash + ".trace");
        String text = Files.readString(trace);
        assertTrue(text.startsWith(FINDING), text);
        assertTrue(text.contains("# durability: fsync(f) at line 5 by task A returned 0"), text);
    }

    @Test
    void promotingTheSameFindingTwiceWritesTheSameBytes(@TempDir Path root) throws Exception {
        Path f = Files.writeString(root.resolve("finding.trace"), FINDING);
        Files.createDirectories(root.resolve("a"));
        Files.createDirectories(root.resolve("b"));
        assertEquals(0, promote(new StringWriter(), "--java", "--dir", root.resolve("a").toString(), f.toString()));
        assertEquals(0, promote(new StringWriter(), "--java", "--dir", root.resolve("b").toString(), f.toString()));
        List<Path> a = filesUnder(root.resolve("a")), b = filesUnder(root.resolve("b"));
        assertEquals(2, a.size(), "a trace and a test class: " + a);
        for (int i = 0; i < a.size(); i++) assertEquals(Files.readString(a.get(i)), Files.readString(b.get(i)));
    }

    @Test
    void theGeneratedJunitClassCompilesAndPasses(@TempDir Path root) throws Exception {
        Path f = Files.writeString(root.resolve("finding.trace"), FINDING);
        assertEquals(0, promote(new StringWriter(), "--java", "--dir", root.toString(), f.toString()));
        Path src;
        try (Stream<Path> s = Files.list(root.resolve("src/test/java/dev/pinfuzz/regressions"))) {
            src = s.findFirst().orElseThrow();
        }
        assertTrue(src.getFileName().toString().matches("DurabilitySkipPinned[0-9a-f]{8}Test\\.java"), src.toString());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(root.resolve("classes"));
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "the promoted test must compile");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> c = cl.loadClass("dev.pinfuzz.regressions." + src.getFileName().toString().replace(".java", ""));
            var ctor = c.getDeclaredConstructor();
            ctor.setAccessible(true);
            var m = c.getDeclaredMethod("stillReportsItsExpectedVerdict");
            m.setAccessible(true);
            m.invoke(ctor.newInstance()); // throws if its assertion fails
        }
    }

    @Test
    void badInputIsFileLineColumnExitTwoAndNothingIsWritten(@TempDir Path root) throws Exception {
        Path f = Files.writeString(root.resolve("bad.trace"), "policy skip-pinned\nfile f pages=1\nA: write(g, 0, 1)\nexpect durability\n");
        StringWriter err = new StringWriter();
        assertEquals(2, promote(err, "--java", "--dir", root.resolve("out").toString(), f.toString()));
        assertEquals(f + ":3:10: unknown file 'g'", err.toString().strip());
        assertFalse(Files.exists(root.resolve("out")));
        Path noExpect = Files.writeString(root.resolve("noexpect.trace"), "file f pages=1\nA: fsync(f)\n");
        StringWriter err2 = new StringWriter();
        assertEquals(2, promote(err2, "--dir", root.resolve("out").toString(), noExpect.toString()));
        assertTrue(err2.toString().startsWith(noExpect + ":1:1: no expect line"), err2.toString());
        assertFalse(Files.exists(root.resolve("out")));
    }

    @Test
    void aFindingThatDoesNotReproduceIsRefused(@TempDir Path root) throws Exception {
        Path f = Files.writeString(root.resolve("stale.trace"), FINDING.replace("skip-pinned", "bounce-pinned"));
        StringWriter err = new StringWriter();
        assertEquals(1, promote(err, "--dir", root.resolve("out").toString(), f.toString()));
        assertTrue(err.toString().contains("does not reproduce: expect durability but replay reports ok"), err.toString());
        assertFalse(Files.exists(root.resolve("out")));
    }
}
