package dev.pinfuzz.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plots: round ticks, and a log scale that keeps a 3k exec/s line visible beside a 1M one. */
final class SvgPlotTest {
    private static final Pattern POINTS = Pattern.compile("<polyline[^>]*points=\"([^\"]*)\"");

    private static List<Double> ys(String svg) {
        List<Double> ys = new ArrayList<>();
        Matcher m = POINTS.matcher(svg);
        while (m.find()) ys.add(Double.parseDouble(m.group(1).split(" ")[0].split(",")[1]));
        return ys;
    }

    private static List<SvgPlot.Series> slowAndFast() {
        return List.of(new SvgPlot.Series("policy", "#d62728", List.of(new double[] {10, 3000}, new double[] {20, 3000})),
                new SvgPlot.Series("empty", "#999999", List.of(new double[] {10, 1_000_000}, new double[] {20, 1_000_000})));
    }

    @Test
    void onALinearScaleTheSlowLineSitsOnTheAxisButOnALogScaleItDoesNot() {
        double bottom = 24 + 200; // T + plot height
        List<Double> linear = ys(SvgPlot.render("t", "exec/s", slowAndFast()));
        List<Double> log = ys(SvgPlot.render("t", "exec/s", slowAndFast(), true));
        assertTrue(bottom - linear.get(0) < 2, "linear: " + linear);
        assertTrue(bottom - log.get(0) > 20, "log: " + log);
        assertTrue(log.get(1) < log.get(0), "the faster line is higher");
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(20, SvgPlot.step(100));
        assertEquals(0.5, SvgPlot.step(2.2));
        assertEquals(200_000, SvgPlot.step(1_000_000));
    }
}
