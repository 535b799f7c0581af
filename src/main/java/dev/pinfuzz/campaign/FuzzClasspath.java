package dev.pinfuzz.campaign;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The class path of the Jazzer child process: pinfuzz, the fuzz targets and the standalone
 * driver. The shaded jar has neither targets nor driver (they are test scope), so the build
 * copies them to {@code fuzz-lib/} beside the jar ({@code target/}, or the {@code -DbuildDir=...}
 * directory); tests and IDEs already have them on their path.
 */
public final class FuzzClasspath {
    static final String DRIVER = "com/code_intelligence/jazzer/Jazzer.class";
    static final String TARGET = "dev/pinfuzz/fuzz/PolicyFuzzTarget.class";

    private FuzzClasspath() {}

    /** Thrown when no class path with both the driver and the targets can be found. */
    public static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(message);
        }
    }

    /** The class path to hand to {@code java -cp}. */
    public static String find() throws NotFound {
        String explicit = System.getProperty("pinfuzz.fuzz.classpath", System.getenv("PINFUZZ_FUZZ_CLASSPATH"));
        if (explicit != null && !explicit.isBlank()) return explicit;
        for (String key : new String[] {"surefire.test.class.path", "java.class.path"}) {
            String cp = System.getProperty(key);
            if (cp != null && has(cp, DRIVER) && has(cp, TARGET)) return cp;
        }
        Path home = codeSource();
        // The build directory holds the jar (or classes/): target/, or another with -DbuildDir=...
        Path dir = home == null ? Path.of("target") : home.toAbsolutePath().getParent();
        if (home != null) {
            List<String> parts = new ArrayList<>();
            parts.add(home.toString());
            if (Files.isDirectory(home)) parts.add(dir.resolve("test-classes").toString());
            parts.addAll(jars(dir.resolve("fuzz-lib")));
            String cp = String.join(File.pathSeparator, parts);
            if (has(cp, DRIVER) && has(cp, TARGET)) return cp;
        }
        throw new NotFound("cannot find the Jazzer driver and the fuzz targets next to "
                + (home == null ? "pinfuzz" : home) + ": build them with `mvn -DskipTests package`"
                + " (it copies them to " + dir.resolve("fuzz-lib") + "/), or set PINFUZZ_FUZZ_CLASSPATH");
    }

    /** Where pinfuzz's classes were loaded from: the jar, or a classes directory; null if unknown. */
    public static Path codeSource() {
        try {
            var src = FuzzClasspath.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static List<String> jars(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Whether some entry of the class path holds {@code resource} (a directory or a jar). */
    static boolean has(String cp, String resource) {
        for (String e : cp.split(File.pathSeparator)) {
            if (e.isEmpty()) continue;
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                if (Files.exists(p.resolve(resource))) return true;
            } else if (Files.isRegularFile(p) && e.endsWith(".jar")) {
                try (var jar = new java.util.zip.ZipFile(p.toFile())) {
                    if (jar.getEntry(resource) != null) return true;
                } catch (IOException ignored) {
                    // not a readable jar: not this entry
                }
            }
        }
        return false;
    }
}
