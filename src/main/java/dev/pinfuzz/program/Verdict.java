package dev.pinfuzz.program;

/** Verdict names fixed by DESIGN §3, in report order. */
public enum Verdict {
    OK("ok"),
    DURABILITY("durability"),
    LIVENESS("liveness"),
    PIN_BALANCE("pin-balance"),
    KERNEL_BUG("kernel-bug"),
    BAD_INPUT("bad-input");

    private final String spelling;

    Verdict(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Verdict bySpelling(String s) {
        for (Verdict v : values()) if (v.spelling.equals(s)) return v;
        return null;
    }
}
