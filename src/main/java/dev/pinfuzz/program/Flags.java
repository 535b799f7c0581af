package dev.pinfuzz.program;

/** GUP flags of trace format v1, as bits. */
public final class Flags {
    public static final int FOLL_WRITE = 1;
    public static final int FOLL_LONGTERM = 2;
    public static final int ALL = FOLL_WRITE | FOLL_LONGTERM;

    private Flags() {}

    public static boolean write(int flags) {
        return (flags & FOLL_WRITE) != 0;
    }

    public static boolean longterm(int flags) {
        return (flags & FOLL_LONGTERM) != 0;
    }

    /** Canonical spelling: {@code 0}, or the names joined by {@code |} in a fixed order. */
    public static String format(int flags) {
        if (flags == 0) return "0";
        StringBuilder sb = new StringBuilder();
        if (write(flags)) sb.append("FOLL_WRITE");
        if (longterm(flags)) sb.append(sb.length() > 0 ? "|" : "").append("FOLL_LONGTERM");
        return sb.toString();
    }

    /** The bit of one flag name, or 0 if unknown. */
    public static int bit(String name) {
        return switch (name) {
            case "FOLL_WRITE" -> FOLL_WRITE;
            case "FOLL_LONGTERM" -> FOLL_LONGTERM;
            default -> 0;
        };
    }
}
