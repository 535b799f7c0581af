package dev.pinfuzz.importer;

import dev.pinfuzz.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where {@code pinfuzz import --corpus DIR} puts each imported program. Today: a
 * {@code DIR/<name>.trace} file. The Jazzer corpus needs the program encoder of
 * {@code dev.pinfuzz.gen}; {@link #jazzerInputs(Path)} is the one place to plug it in.
 */
public interface CorpusSink {
    /** Stores one imported program; {@code name} is the log's name without {@code .strace}. */
    void accept(String name, Importer.Result result) throws IOException;

    /** {@code DIR/<name>.trace}, written atomically. */
    static CorpusSink traceFiles(Path dir) {
        return (name, r) -> AtomicFile.write(dir.resolve(name + ".trace"), r.trace());
    }

    /**
     * HOOK(gen): Jazzer inputs for the imported programs. Returns null until the program encoder
     * of {@code dev.pinfuzz.gen} exists; then return a sink that encodes {@code result.program()}
     * and writes it where the fuzz targets read their seeds.
     */
    static CorpusSink jazzerInputs(Path dir) {
        return null;
    }
}
