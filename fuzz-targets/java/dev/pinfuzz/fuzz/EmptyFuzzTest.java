package dev.pinfuzz.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Consumes its bytes and nothing else: the exec/s of the harness itself (JVM, driver,
 * instrumentation), to which each policy target's exec/s is compared.
 */
public final class EmptyFuzzTest {
    private static int sink;

    public static void fuzzerTestOneInput(byte[] data) {
        int x = 0;
        for (byte b : data) x += b;
        sink ^= x;
    }

    @FuzzTest
    void consumesItsBytes(byte[] data) {
        fuzzerTestOneInput(data);
    }
}
