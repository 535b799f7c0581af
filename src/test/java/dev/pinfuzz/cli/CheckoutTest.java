package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus and regression defaults are the checkout's, from whatever directory pinfuzz runs. */
final class CheckoutTest {
    @Test
    void theCheckoutIsFoundAboveTheJarOrTheClassesDirectory(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("pinfuzz"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("corpus/jazzer"));
        Path jar = Files.writeString(Files.createDirectories(root.resolve("target")).resolve("pinfuzz.jar"), "");
        assertEquals(root, Checkout.rootAbove(jar));
        assertEquals(root, Checkout.rootAbove(Files.createDirectories(root.resolve("target-dev/classes"))));
    }

    @Test
    void aJarOutsideAnyCheckoutHasNone(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("pinfuzz.jar"), "");
        assertNull(Checkout.rootAbove(jar));
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertNull(Checkout.rootAbove(jar), "a pom.xml without corpus/ is some other project");
        assertNull(Checkout.rootAbove(null));
    }

    @Test
    void theTestsRunInTheCheckoutSoItsPathsStayRelative() {
        assertEquals(Path.of("").toAbsolutePath().normalize(), Checkout.root(), "mvn test runs from the project root");
        assertEquals(Path.of("corpus/jazzer"), Checkout.resolve("corpus/jazzer"));
    }
}
