package dev.pinfuzz.fuzz;

/**
 * Consumes its bytes and nothing else: the exec/s of the harness itself (JVM, driver,
 * instrumentation), to which each policy target's exec/s is compared. A baseline for the
 * standalone driver only: no JUnit fuzz test, since there is nothing it could fail on.
 */
public final class EmptyFuzzTest {
    private static int sink;

    public static void fuzzerTestOneInput(byte[] data) {
        int x = 0;
        for (byte b : data) x += b;
        sink ^= x;
    }
}
