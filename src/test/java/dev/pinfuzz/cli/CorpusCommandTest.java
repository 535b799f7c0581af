package dev.pinfuzz.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pinfuzz corpus encode|decode}: a trace survives the round trip through a Jazzer input. */
final class CorpusCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void anEncodedTraceDecodesBackToTheSameProgramUnderDecoderNames(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("lie.trace");
        Files.writeString(trace, """
                # the skip-pinned lie, with names of its own
                policy skip-pinned
                file data pages=2
                writer: write(data, 0, 100)
                writer: buf = pin_user_pages(data, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                nic: dma_write(buf, 0, 10)
                syncer: fsync(data)
                expect durability
                """);
        Path out = dir.resolve("inputs");
        CliRun enc = run("corpus", "encode", trace.toString(), "-o", out.toString());
        assertEquals(0, enc.code(), enc.err());
        List<Path> inputs;
        try (Stream<Path> s = Files.list(out)) {
            inputs = s.toList();
        }
        assertEquals(1, inputs.size());
        assertTrue(inputs.get(0).getFileName().toString().matches("[0-9a-f]{40}"), "named by SHA-1 like libFuzzer's inputs");
        CliRun dec = run("corpus", "decode", inputs.get(0).toString(), "--policy", "skip-pinned");
        assertEquals(0, dec.code(), dec.err());
        assertEquals("# " + inputs.get(0) + "\n" + """
                policy skip-pinned
                file f pages=2
                A: write(f, 0, 100)
                A: p = pin_user_pages(f, 0, 1, FOLL_WRITE|FOLL_LONGTERM)
                dev: dma_write(p, 0, 10)
                B: fsync(f)
                """, dec.out());
    }

    @Test
    void aTraceOutsideThePolicysApiIsRefusedWithExitOneAndBadInputWithTwo(@TempDir Path dir) throws Exception {
        Path gup = dir.resolve("gup.trace");
        Files.writeString(gup, "policy gup-2018\nfile f pages=1\nA: p = get_user_pages(f, 0, 1, FOLL_WRITE)\n");
        CliRun r = run("corpus", "encode", gup.toString(), "--policy", "bounce-pinned", "-o", dir.resolve("o").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("cannot encode for bounce-pinned"), r.err());
        Path bad = dir.resolve("bad.trace");
        Files.writeString(bad, "file f pages=1\nA: frobnicate(f)\n");
        CliRun b = run("corpus", "encode", bad.toString(), "-o", dir.resolve("o").toString());
        assertEquals(2, b.code());
        assertTrue(b.err().startsWith(bad + ":2:"), b.err());
    }
}
