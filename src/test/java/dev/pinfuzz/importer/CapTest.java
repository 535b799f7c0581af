package dev.pinfuzz.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinfuzz.run.Replay;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --max-steps: a long log is cut to K steps around its pinning activity and stays a valid program. */
class CapTest {
    @Test
    void aLongLogIsCappedToKStepsKeepingWholeHandlesAndSayingSo() throws Exception {
        String n = "fio_libaio_mmapshared_bssplit_fdatasync";
        Importer.Result r = Importer.run(Corpus.source(n), Files.readAllBytes(Corpus.STRACE.resolve(n + ".strace")), 60);
        List<String> steps = Corpus.steps(r.trace());
        assertTrue(steps.size() <= 60, "more than 60 steps: " + steps.size());
        assertTrue(steps.stream().anyMatch(s -> s.contains("pin_user_pages(")), "the windows around pins are kept");
        assertTrue(r.trace().contains("# capped at 60 steps: kept "), "the cap is said in a comment");
        Replay.Result replay = Replay.bytes(n, r.trace().getBytes(StandardCharsets.UTF_8), null, null);
        assertTrue(!replay.badInput() && replay.matches(), replay.report());
        for (String s : steps) {
            if (!s.contains(" = pin_user_pages(")) continue;
            String h = s.substring(s.indexOf(": ") + 2, s.indexOf(" = "));
            assertTrue(steps.stream().anyMatch(x -> x.contains("unpin_user_pages") && x.contains("(" + h + ")") || x.contains("(" + h + ", true)"))
                    || steps.stream().anyMatch(x -> x.endsWith(": exit()")), "handle " + h + " kept without its release");
        }
    }

    @Test
    void aTinyCapStillGivesAValidProgram() throws Exception {
        String n = "c_uring_fixedbufs";
        Importer.Result r = Importer.run(Corpus.source(n), Files.readAllBytes(Corpus.STRACE.resolve(n + ".strace")), 1);
        assertTrue(Corpus.steps(r.trace()).size() <= 1, r.trace());
        Replay.Result replay = Replay.bytes(n, r.trace().getBytes(StandardCharsets.UTF_8), null, null);
        assertTrue(!replay.badInput(), replay.report());
    }
}
