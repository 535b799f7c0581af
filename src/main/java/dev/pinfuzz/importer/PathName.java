package dev.pinfuzz.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Paths as the importer compares them, whether a string argument ({@code truncate("./x.db", 0)})
 * or a {@code -y} annotation ({@code 5</data/caf\xc3\xa9.db>}) named them: strace's escapes
 * decoded the same way ({@code -x}, {@code -xx} and octal), bytes that are UTF-8 read as UTF-8,
 * and {@code //}, {@code /./} and {@code ..} resolved lexically.
 */
final class PathName {
    private PathName() {}

    /** The text of a {@code -y} annotation with its escapes decoded (one char per byte, as {@link ArgParser} decodes strings). */
    static String unescape(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i++);
            if (c != '\\' || i >= raw.length()) {
                sb.append(c);
                continue;
            }
            char e = raw.charAt(i);
            int k = i + 1;
            if (e == 'x') {
                while (k < raw.length() && k < i + 3 && Character.digit(raw.charAt(k), 16) >= 0) k++;
                if (k == i + 1) {
                    sb.append('\\');
                    continue;
                }
                sb.append((char) Integer.parseInt(raw.substring(i + 1, k), 16));
            } else if (e >= '0' && e <= '7') {
                k = i;
                while (k < raw.length() && k < i + 3 && raw.charAt(k) >= '0' && raw.charAt(k) <= '7') k++;
                sb.append((char) (Integer.parseInt(raw.substring(i, k), 8) & 0xff));
            } else {
                sb.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case 'v' -> '\u000b';
                    case 'f' -> '\f';
                    default -> e;
                });
            }
            i = k;
        }
        return sb.toString();
    }

    /**
     * An absolute path with {@code //}, {@code /./} and {@code ..} resolved lexically (symbolic links
     * are not in the log), and read as UTF-8 when its chars are the bytes of UTF-8 text; a relative
     * path as it is.
     */
    static String normal(String path) {
        if (path == null || !path.startsWith("/")) return path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : utf8(path).split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) parts.pollLast();
            else parts.addLast(part);
        }
        return "/" + String.join("/", parts);
    }

    private static String utf8(String s) {
        byte[] b = new byte[s.length()];
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff) return s;
            high |= c >= 0x80;
            b[i] = (byte) c;
        }
        if (!high) return s;
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }
}
