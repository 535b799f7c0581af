package dev.pinfuzz.bench;

import java.util.Locale;

/** How the table writes times, rates and ratios. */
final class Format {
    private Format() {}

    /** {@code 0.42 ms}, {@code 12 ms}, {@code 5.1 s}; {@code capLabel} (e.g. "> 60 s") when capped; "-" when unknown. */
    static String millis(double ms, String capLabel) {
        if (Double.isNaN(ms)) return "-";
        if (Double.isInfinite(ms)) return capLabel;
        if (ms < 10) return String.format(Locale.ROOT, "%.2f ms", ms);
        if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
        return String.format(Locale.ROOT, "%.1f s", ms / 1000);
    }

    /** {@code median / max}. */
    static String spread(Spread s, String capLabel) {
        if (s.runs() == 0) return "-";
        return millis(s.median(), capLabel) + " / " + millis(s.max(), capLabel);
    }

    /** {@code 12x}, {@code 0.80x}, {@code 0.0034x}; "-" when it cannot be told, "inf" or "0x" when one side was capped. */
    static String ratio(double r) {
        if (Double.isNaN(r)) return "-";
        if (Double.isInfinite(r)) return "inf";
        if (r == 0) return "0x";
        if (r >= 10) return String.format(Locale.ROOT, "%.0fx", r);
        if (r >= 0.1) return String.format(Locale.ROOT, "%.2fx", r);
        return String.format(Locale.ROOT, "%.2gx", r).replaceAll("e-0?", "e-");
    }

    /** Thousands separated, no decimals. */
    static String count(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String mb(double v) {
        return String.format(Locale.ROOT, "%.0f MB", v);
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
