package dev.pinfuzz.cli;

import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.Verdict;
import dev.pinfuzz.io.IoErrors;
import dev.pinfuzz.run.Replay;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pinfuzz replay FILE... [--policy P] [--verbose]}. */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replay traces; exit 0 when each matches its expect line, 1 when not, 2 on bad input.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "trace files (.trace, format v1)")
    List<Path> files;

    @Option(names = "--policy", paramLabel = "P", description = "override the files' policy lines")
    String policy;

    @Option(names = "--verbose", description = "print every step, its result and what it changed")
    boolean verbose;

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (policy != null && Policies.get(policy) == null) {
            System.err.println("pinfuzz replay: unknown policy '" + policy + "' (known: " + String.join(", ", Policies.names()) + ")");
            return 2;
        }
        int code = 0;
        for (Path f : files) {
            String src = f.toString();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                System.err.println(src + ": cannot read: " + IoErrors.reason(e));
                code = 2;
                continue;
            }
            Replay.Result r = Replay.bytes(src, bytes, policy, verbose ? out : null);
            if (r.badInput()) {
                out.println(src + ": " + Verdict.BAD_INPUT.spelling());
                System.err.println(r.report());
                code = 2;
            } else {
                out.println(r.report());
                if (!r.matches()) code = Math.max(code, 1);
            }
        }
        return code;
    }
}
