package dev.pinfuzz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinfuzz}: the command line (DESIGN §5). */
@Command(name = "pinfuzz", mixinStandardHelpOptions = true, version = "pinfuzz 0.1.0",
        description = "Fuzzing harness for writeback-vs-GUP-pin policies on a simulated Linux mm core.",
        subcommands = {ReplayCommand.class, CheckCommand.class, PromoteCommand.class, ImportCommand.class, FuzzCommand.class,
                NightlyCommand.class, CorpusCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code EX_SOFTWARE}: an exception escaped a command. */
    public static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** Runs the command line with its output and errors sent where the caller says (null: the console). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        // Explanations name kernel paths with arrows and dashes: always UTF-8, whatever the locale.
        cl.setOut(out != null ? out : utf8(System.out));
        cl.setErr(err != null ? err : utf8(System.err));
        cl.setParameterExceptionHandler((ex, args1) -> {
            // One line naming the bad value and where help is, not a usage dump.
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            String msg = ex.getMessage();
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !ex.getCommandLine().getSubcommands().isEmpty()
                    && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-"))
                msg = "unknown command '" + u.getUnmatched().get(0) + "'";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty())
                msg += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            ex.getCommandLine().getErr().println(name + ": " + msg + " (see " + name + " --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            // Bad input never gets here (commands report it themselves, exit 2): this is a bug in
            // pinfuzz, so keep the stack for the report, under a clear first line.
            line.getErr().println("pinfuzz: internal error (please report): " + ex);
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        int code = cl.execute(args);
        // PrintStreams and PrintWriters only record a failed write (> /dev/full, a closed pipe):
        // a counterexample or verdict that never reached stdout must not exit as if it had.
        boolean lost = cl.getOut().checkError() | (out == null && System.out.checkError());
        if (lost && (code == CommandLine.ExitCode.OK || code == 1)) {
            cl.getErr().println("pinfuzz: cannot write to stdout");
            return CommandLine.ExitCode.USAGE;
        }
        return code;
    }

    private static java.io.PrintWriter utf8(java.io.PrintStream s) {
        return new java.io.PrintWriter(new java.io.OutputStreamWriter(s, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /** {@code pinfuzz} alone: no command was given, so usage on stderr and exit 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
