package dev.pinfuzz.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A line chart as inline SVG: one series per policy over time, axes with round ticks, a legend. */
public final class SvgPlot {
    /** One line: its name, colour and points (x seconds, y value). */
    public record Series(String name, String colour, List<double[]> points) {}

    static final String[] COLOURS = {"#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"};
    private static final int W = 560, H = 260, L = 64, R = 150, T = 24, B = 36;

    private SvgPlot() {}

    /** A linear y axis from 0. */
    public static String render(String title, String yLabel, List<Series> series) {
        return render(title, yLabel, series, false);
    }

    /**
     * @param log a logarithmic y axis (decades), for series that differ by orders of magnitude,
     *        such as a policy target's exec/s against the empty target's
     */
    public static String render(String title, String yLabel, List<Series> series, boolean log) {
        double xMax = 1, yMax = 1, yMinLog = Double.MAX_VALUE;
        for (Series s : series)
            for (double[] p : s.points()) {
                xMax = Math.max(xMax, p[0]);
                yMax = Math.max(yMax, p[1]);
                if (p[1] > 0) yMinLog = Math.min(yMinLog, p[1]);
            }
        double xStep = step(xMax), yStep = step(yMax);
        xMax = Math.ceil(xMax / xStep) * xStep;
        yMax = Math.ceil(yMax / yStep) * yStep;
        Axis y = log ? Axis.log(yMinLog == Double.MAX_VALUE ? 1 : yMinLog, yMax) : Axis.linear(yMax, yStep);
        int pw = W - L - R, ph = H - T - B;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", W, H, W, H));
        sb.append("<title>").append(Html.esc(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"pt\">%s</text>", L, Html.esc(title)));
        for (double yv : y.ticks()) {
            double py = T + ph - y.frac(yv) * ph;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", L, L + pw, py, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", L - 4, py + 4, Progress.human((long) yv)));
        }
        for (double x = 0; x <= xMax + 1e-9; x += xStep) {
            double px = L + x / xMax * pw;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%ss</text>", px, T + ph + 14, fmt(x)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">seconds since the fuzzer started</text>", L + pw / 2, H - 4));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(12 %d) rotate(-90)\" class=\"tick\" text-anchor=\"middle\">%s</text>", T + ph / 2, Html.esc(yLabel)));
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>", L, T, pw, ph));
        int ly = T + 6;
        for (Series s : series) {
            if (!s.points().isEmpty()) {
                List<String> pts = new ArrayList<>();
                for (double[] p : s.points())
                    if (!log || p[1] > 0)
                        pts.add(String.format(Locale.ROOT, "%.1f,%.1f", L + p[0] / xMax * pw, T + ph - y.frac(p[1]) * ph));
                sb.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(s.colour()).append("\" points=\"")
                        .append(String.join(" ", pts)).append("\"><title>").append(Html.esc(s.name())).append("</title></polyline>");
            }
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", W - R + 10, W - R + 28, ly, ly, s.colour()));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\">%s</text>", W - R + 32, ly + 4, Html.esc(s.name())));
            ly += 16;
        }
        return sb.append("</svg>").toString();
    }

    /** Where a value lies on the y axis (0 at the bottom, 1 at the top) and where its ticks are. */
    private record Axis(double lo, double hi, boolean log, double step) {
        static Axis linear(double max, double step) {
            return new Axis(0, max, false, step);
        }

        static Axis log(double min, double max) {
            return new Axis(Math.floor(Math.log10(min)), Math.max(Math.ceil(Math.log10(max)), Math.floor(Math.log10(min)) + 1), true, 1);
        }

        double frac(double v) {
            if (!log) return v / hi;
            return (Math.log10(Math.max(v, Math.pow(10, lo))) - lo) / (hi - lo);
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            for (double v = lo; v <= hi + 1e-9; v += step) t.add(log ? Math.pow(10, v) : v);
            return t;
        }
    }

    /** A round tick step: 1, 2 or 5 times a power of ten, about five ticks. */
    static double step(double max) {
        double raw = max / 5, p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.1f", x);
    }
}
