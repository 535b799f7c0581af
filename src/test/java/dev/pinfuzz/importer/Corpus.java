package dev.pinfuzz.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The strace logs of corpus/strace, imported once per test run (imports are shared between test classes). */
final class Corpus {
    static final Path STRACE = Path.of("corpus/strace");
    static final Path IMPORTED = Path.of("corpus/imported");
    /** The cap the committed corpus/imported was made with: the default of --max-steps. */
    static final int CORPUS_STEPS = 2000;

    private static final Map<String, Importer.Result> CACHE = new ConcurrentHashMap<>();

    private Corpus() {}

    /** Names of the logs, without .strace, sorted. */
    static List<String> names() {
        try (Stream<Path> s = Files.list(STRACE)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".strace"))
                    .map(n -> n.substring(0, n.length() - 7)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String source(String name) {
        return STRACE.resolve(name + ".strace").toString();
    }

    /** The import of corpus/strace/NAME.strace at the corpus cap. */
    static Importer.Result imported(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try {
                return Importer.run(source(n), Files.readAllBytes(STRACE.resolve(n + ".strace")), CORPUS_STEPS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ImportException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }

    /** Steps of a trace text: lines that are not comments, blank, policy, file or expect lines. */
    static List<String> steps(String trace) {
        return trace.lines().map(l -> l.replaceFirst("\\s*#.*", "")).filter(l -> !l.isBlank())
                .filter(l -> !l.startsWith("policy ") && !l.startsWith("file ") && !l.startsWith("expect ")).toList();
    }
}
