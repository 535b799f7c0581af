package dev.pinfuzz.campaign;

import dev.pinfuzz.io.AtomicFile;
import dev.pinfuzz.run.Regression;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each finding as the engine's promote would: {@code findings/<verdict>-<policy>-<hash8>.trace}
 * (policy, file and expect lines, the explanation as comments after expect) and its JUnit test
 * {@code findings/<Verdict><Policy><hash8>Test.java}, ready to copy into {@code src/test}.
 */
public final class FindingFiles {
    public static final String DIR = "findings";

    private FindingFiles() {}

    /** Writes every finding; returns each one's trace path relative to {@code out}, by signature. */
    public static Map<String, String> write(Path out, List<CampaignFinding> findings) throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        for (CampaignFinding f : findings) {
            Regression r = f.regression();
            String rel = DIR + "/" + r.traceName();
            if (!paths.containsValue(rel)) {
                AtomicFile.write(out.resolve(rel), r.traceText());
                AtomicFile.write(out.resolve(DIR).resolve(r.javaClass() + ".java"), r.javaText());
            }
            paths.put(f.signature(), rel);
        }
        return paths;
    }
}
