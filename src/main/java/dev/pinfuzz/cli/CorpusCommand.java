package dev.pinfuzz.cli;

import dev.pinfuzz.io.FileBatch;
import dev.pinfuzz.io.IoErrors;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pinfuzz corpus encode|decode}: traces to Jazzer inputs and back, through the engine's codec. */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Convert between traces and Jazzer inputs (corpus/jazzer/<policy>/).",
        subcommands = {CorpusCommand.Encode.class, CorpusCommand.Decode.class})
final class CorpusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** {@code pinfuzz corpus} alone: which subcommand was meant is unknown, so usage and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code corpus encode TRACE... -o DIR [--policy P]}. */
    @Command(name = "encode", mixinStandardHelpOptions = true, description = "Write each trace as a Jazzer input DIR/<sha1> (the name libFuzzer would give it)."
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
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (policy != null && Policies.get(policy) == null) return unknownPolicy(err, policy);
            if (out.toString().isEmpty()) return bad(err, "pinfuzz corpus encode: -o needs a directory, found an empty path");
            // Everything is read and encoded first: on bad input nothing is written.
            Map<Path, byte[]> encoded = new LinkedHashMap<>();
            int code = 0;
            List<Path> files;
            try {
                files = expand(traces, ".trace");
            } catch (IOException e) {
                return bad(err, "pinfuzz corpus encode: cannot list a directory: " + IoErrors.reason(e));
            }
            for (Path t : files) {
                Program p;
                try {
                    p = TraceParser.parse(t.toString(), Files.readAllBytes(t));
                } catch (IOException e) {
                    err.println(t + ": cannot read: " + IoErrors.reason(e));
                    code = 2;
                    continue;
                } catch (BadInputException e) {
                    err.println(e.getMessage());
                    code = 2;
                    continue;
                }
                String pol = policy != null ? policy : p.policy() != null ? p.policy() : Policies.DEFAULT;
                try {
                    encoded.put(t, ProgramEncoder.encode(DecoderNames.of(p).withPolicy(pol).withExpect(null)));
                } catch (IllegalArgumentException e) {
                    err.println(t + ": cannot encode for " + pol + ": " + e.getMessage().lines().findFirst().orElse(""));
                    code = Math.max(code, 1);
                }
            }
            if (code == 2) return bad(err, "pinfuzz corpus encode: nothing written");
            FileBatch batch = new FileBatch();
            for (byte[] b : encoded.values()) batch.add(out.resolve(sha1(b)), b, true);
            try {
                batch.commit();
            } catch (FileBatch.Failure x) {
                return bad(err, "pinfuzz corpus encode: " + x.getMessage());
            }
            for (Map.Entry<Path, byte[]> e : encoded.entrySet()) o.println(e.getKey() + " -> " + out.resolve(sha1(e.getValue())));
            o.flush();
            err.flush();
            return code;
        }
    }

    /** {@code corpus decode INPUT... [--policy P]}. */
    @Command(name = "decode", mixinStandardHelpOptions = true, description = "Print the program each Jazzer input decodes to, as a trace."
            + " The policy defaults to the input's directory name when it names one (corpus/jazzer/<policy>/).")
    static final class Decode implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Jazzer inputs, or directories of them")
        List<Path> inputs;

        @Option(names = "--policy", paramLabel = "P", description = "decode for this policy")
        String policy;

        @Override
        public Integer call() {
            PrintWriter o = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            if (policy != null && Policies.get(policy) == null) return unknownPolicy(err, policy);
            StringBuilder text = new StringBuilder();
            try {
                for (Path in : expand(inputs, "")) {
                    String pol = policy != null ? policy : policyOf(in);
                    byte[] bytes;
                    try {
                        bytes = Files.readAllBytes(in);
                    } catch (IOException e) {
                        return bad(err, in + ": cannot read: " + IoErrors.reason(e));
                    }
                    text.append(text.length() == 0 ? "" : "\n").append("# ").append(in).append('\n')
                            .append(TraceWriter.print(ProgramDecoder.decode(pol, bytes)));
                }
            } catch (IOException e) {
                return bad(err, "pinfuzz corpus decode: cannot list a directory: " + IoErrors.reason(e));
            }
            o.print(text);
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
        return bad(err, "pinfuzz corpus: unknown policy '" + p + "' (known: " + String.join(", ", Policies.names()) + ")");
    }

    private static int bad(PrintWriter err, String message) {
        err.println(message);
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
