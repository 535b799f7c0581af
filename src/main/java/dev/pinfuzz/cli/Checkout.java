package dev.pinfuzz.cli;

import dev.pinfuzz.campaign.FuzzClasspath;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pinfuzz checkout this program was built in ({@code ROOT/target/pinfuzz.jar}, or
 * {@code ROOT/target/classes} in tests), so that the default corpus and regression directories
 * are the project's own whatever directory {@code ./pinfuzz} is run from. A jar copied out of
 * its checkout falls back to the working directory.
 */
final class Checkout {
    private static final Path ROOT = rootAbove(FuzzClasspath.codeSource());

    private Checkout() {}

    /** The checkout's root, or null when the program does not sit in one. */
    static Path root() {
        return ROOT;
    }

    /**
     * {@code relative} under the checkout: as given when the checkout is the working directory
     * (or there is none), so that messages stay short; else an absolute path.
     */
    static Path resolve(String relative) {
        if (ROOT == null || ROOT.equals(Path.of("").toAbsolutePath().normalize())) return Path.of(relative);
        return ROOT.resolve(relative).normalize();
    }

    /** The nearest of {@code start}'s first four ancestors holding a {@code pom.xml} and a {@code corpus/} directory. */
    static Path rootAbove(Path start) {
        if (start == null) return null;
        Path p = start.toAbsolutePath().normalize();
        for (int up = 0; up < 4 && p != null; up++, p = p.getParent())
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("corpus"))) return p;
        return null;
    }
}
