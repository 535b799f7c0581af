package dev.pinfuzz.cli;

import dev.pinfuzz.io.AtomicFile;
import dev.pinfuzz.campaign.DecoderNames;
import dev.pinfuzz.gen.ProgramDecoder;
import dev.pinfuzz.gen.ProgramEncoder;
import dev.pinfuzz.importer.JazzerSeeds;
import dev.pinfuzz.policy.Policies;
import dev.pinfuzz.program.BadInputException;
import dev.pinfuzz.program.Program;
import dev.pinfuzz.program.TraceParser;
import dev.pinfuzz.program.TraceWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinfuzz corpus encode|decode}: traces to Jazzer inputs and back, through the engine's codec. */
@Command(name = "corpus", description = "Convert between traces and Jazzer inputs (corpus/jazzer/<policy>/).",
        subcommands = {CorpusCommand.Encode.class, CorpusCommand.Decode.class})
final class CorpusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code corpus encode TRACE... -o DIR [--policy P]}. */
    @Command(name = "encode", description = "Write each trace as a Jazzer input DIR/<sha1> (the name libFuzzer would give it)."
            + " Exit 0 when all were encoded, 1 when some are outside the decoder's space, 2 on bad input.")
    static final class Encode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "TRACE", description = "trace files, or directories of *.trace")
        List<Path> traces;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "directory of Jazzer inputs")
        Path out;

        @Option(names = "--policy", paramLabel = "P", description = "encode for this policy (default: each trace's policy line)")
        String policy;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (policy != null && Policies.get(policy) == null) return unknownPolicy(err, policy);
            int code = 0;
            for (Path t : expand(traces, ".trace")) {
                Program p;
                try {
                    p = TraceParser.parse(t.toString(), Files.readAllBytes(t));
                } catch (BadInputException e) {
                    err.println(e.getMessage());
                    code = 2;
                    continue;
                }
                String pol = policy != null ? policy : p.policy() != null ? p.policy() : Policies.DEFAULT;
                try {
                    byte[] b = ProgramEncoder.encode(DecoderNames.of(p).withPolicy(pol).withExpect(null));
                    Path f = out.resolve(sha1(b));
                    AtomicFile.write(f, b);
                    o.println(t + " -> " + f);
                } catch (IllegalArgumentException e) {
                    err.println(t + ": cannot encode for " + pol + ": " + e.getMessage().lines().findFirst().orElse(""));
                    code = Math.max(code, 1);
                }
            }
            o.flush();
            err.flush();
            return code;
        }
    }

    /** {@code corpus decode INPUT... [--policy P]}. */
    @Command(name = "decode", description = "Print the program each Jazzer input decodes to, as a trace."
            + " The policy defaults to the input's directory name when it names one (corpus/jazzer/<policy>/).")
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Jazzer inputs, or directories of them")
        List<Path> inputs;

        @Option(names = "--policy", paramLabel = "P", description = "decode for this policy")
        String policy;

        @Override
        public Integer call() throws IOException {
            PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (policy != null && Policies.get(policy) == null) return unknownPolicy(err, policy);
            String sep = "";
            for (Path in : expand(inputs, "")) {
                String pol = policy != null ? policy : policyOf(in);
                Program p = ProgramDecoder.decode(pol, Files.readAllBytes(in));
                o.print(sep + "# " + in + "\n" + TraceWriter.print(p));
                sep = "\n";
            }
            o.flush();
            return 0;
        }

        private static String policyOf(Path in) {
            Path dir = in.toAbsolutePath().getParent();
            String name = dir == null || dir.getFileName() == null ? "" : dir.getFileName().toString();
            return Policies.get(name) != null ? name : Policies.DEFAULT;
        }
    }

    private static int unknownPolicy(PrintWriter err, String p) {
        err.println("pinfuzz corpus: unknown policy '" + p + "' (known: " + String.join(", ", Policies.names()) + ")");
        err.flush();
        return 2;
    }

    /** Files as given; directories expanded to their files ending in {@code suffix}, sorted. */
    static List<Path> expand(List<Path> args, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path a : args) {
            if (!Files.isDirectory(a)) {
                out.add(a);
                continue;
            }
            try (Stream<Path> s = Files.list(a)) {
                s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix))
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static String sha1(byte[] b) {
        return JazzerSeeds.sha1(b);
    }
}
