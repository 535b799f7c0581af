package dev.pinfuzz.mm;

/** The errno values the model returns, negated as the kernel does. */
public final class Errno {
    public static final int EIO = 5;
    public static final int EFAULT = 14;
    public static final int EBUSY = 16;

    private Errno() {}

    /** "-EFAULT" for -14, else the number. */
    public static String name(long r) {
        if (r >= 0) return Long.toString(r);
        return switch ((int) -r) {
            case EIO -> "-EIO";
            case EFAULT -> "-EFAULT";
            case EBUSY -> "-EBUSY";
            default -> Long.toString(r);
        };
    }
}
