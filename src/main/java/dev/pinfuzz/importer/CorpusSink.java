package dev.pinfuzz.importer;

import dev.pinfuzz.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Where {@code pinfuzz import --corpus DIR} puts each imported program: a {@code DIR/<name>.trace}
 * file, and Jazzer inputs projected from it ({@link JazzerSeeds}) under {@code DIR/jazzer/<policy>/}
 * or the {@code --jazzer-dir} given.
 */
public interface CorpusSink {
    /** Stores one imported program; {@code name} is the log's name without {@code .strace}. */
    void accept(String name, Importer.Result result) throws IOException;

    /** {@code DIR/<name>.trace}, written atomically. */
    static CorpusSink traceFiles(Path dir) {
        return (name, r) -> AtomicFile.write(dir.resolve(name + ".trace"), r.trace());
    }

    /**
     * Jazzer inputs: the program's windows projected into the fuzz targets' decoder, a handful per
     * policy, each written atomically as {@code dir/<policy>/<sha1>} (libFuzzer's naming).
     */
    static CorpusSink jazzerInputs(Path dir) {
        return jazzerInputs(dir, (name, inputs) -> {});
    }

    /** The same, telling {@code written} what was written for each log. */
    static CorpusSink jazzerInputs(Path dir, BiConsumer<String, List<JazzerSeeds.Input>> written) {
        return (name, r) -> {
            List<JazzerSeeds.Input> inputs = JazzerSeeds.of(r.program());
            JazzerSeeds.write(dir, inputs);
            written.accept(name, inputs);
        };
    }
}
