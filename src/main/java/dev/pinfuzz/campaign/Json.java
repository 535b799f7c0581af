package dev.pinfuzz.campaign;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer for {@code summary.json}: maps (insertion order kept), collections,
 * strings, numbers, booleans and null. Enough for a fixed schema, no dependency in the jar.
 */
public final class Json {
    private Json() {}

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void value(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) sb.append("null");
            else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
            else sb.append(String.format(Locale.ROOT, "%.3f", d));
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m, indent);
        } else if (v instanceof Collection<?> c) {
            array(sb, c, indent);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> m, int indent) {
        if (m.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        String sep = "\n";
        for (Map.Entry<?, ?> e : m.entrySet()) {
            sb.append(sep).append("  ".repeat(indent + 1));
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            value(sb, e.getValue(), indent + 1);
            sep = ",\n";
        }
        sb.append('\n').append("  ".repeat(indent)).append('}');
    }

    private static void array(StringBuilder sb, Collection<?> c, int indent) {
        boolean flat = c.stream().noneMatch(x -> x instanceof Map || x instanceof Collection);
        if (c.isEmpty() || flat) {
            sb.append('[');
            String sep = "";
            for (Object x : c) {
                sb.append(sep);
                value(sb, x, indent);
                sep = ", ";
            }
            sb.append(']');
            return;
        }
        sb.append('[');
        String sep = "\n";
        for (Object x : c) {
            sb.append(sep).append("  ".repeat(indent + 1));
            value(sb, x, indent + 1);
            sep = ",\n";
        }
        sb.append('\n').append("  ".repeat(indent)).append(']');
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
