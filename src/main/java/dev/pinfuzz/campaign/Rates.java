package dev.pinfuzz.campaign;

import java.util.ArrayList;
import java.util.List;

/** exec/s over time from libFuzzer's sparse status lines: the rate between samples at least a second apart. */
final class Rates {
    private Rates() {}

    static List<double[]> of(List<LibFuzzerLog.Sample> samples) {
        List<double[]> out = new ArrayList<>();
        LibFuzzerLog.Sample last = null;
        for (LibFuzzerLog.Sample s : samples) {
            if (last == null) {
                last = s;
                continue;
            }
            double dt = s.seconds() - last.seconds();
            if (dt < 1.0) continue;
            out.add(new double[] {s.seconds(), (s.execs() - last.execs()) / dt});
            last = s;
        }
        return out;
    }
}
