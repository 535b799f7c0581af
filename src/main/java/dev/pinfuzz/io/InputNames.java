package dev.pinfuzz.io;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How libFuzzer names a corpus input: the lower-case hex SHA-1 of its bytes. */
public final class InputNames {
    private InputNames() {}

    public static String sha1(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
