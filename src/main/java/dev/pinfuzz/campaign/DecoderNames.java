package dev.pinfuzz.campaign;

import dev.pinfuzz.program.Call;
import dev.pinfuzz.program.FileDecl;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames a program's files, tasks and handles the way the byte decoder names them (files f,
 * g, h; CPU tasks A..D in order of appearance and the device task {@code dev}; handles p, q, r...
 * in order of definition), so that a hand-written trace can be encoded as a fuzzer input. Names
 * are tables indexed by the steps, so only the tables change.
 */
public final class DecoderNames {
    private static final String[] FILES = {"f", "g", "h"};
    private static final String DEV = "dev";

    private DecoderNames() {}

    public static Program of(Program p) {
        List<FileDecl> files = new ArrayList<>();
        for (int f = 0; f < p.files().size(); f++) {
            FileDecl d = p.files().get(f);
            files.add(new FileDecl(f < FILES.length ? FILES[f] : "f" + f, d.pages(), d.fs()));
        }
        boolean[] dma = new boolean[p.tasks().size()];
        for (Step s : p.steps()) if (s.task() >= 0 && s.call() == Call.DMA_WRITE) dma[s.task()] = true;
        List<String> tasks = new ArrayList<>();
        int cpu = 0;
        for (int t = 0; t < p.tasks().size(); t++)
            tasks.add(dma[t] ? DEV : cpu < 4 ? String.valueOf((char) ('A' + cpu++)) : "T" + cpu++);
        List<String> handles = new ArrayList<>();
        for (int h = 0; h < p.handles().size(); h++)
            handles.add(h < 11 ? String.valueOf((char) ('p' + h)) : "p" + h);
        return new Program(p.policy(), files, tasks, handles, p.steps(), p.expect(), null);
    }
}
