package dev.pinfuzz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinfuzz}: the command line (DESIGN §5). */
@Command(name = "pinfuzz", mixinStandardHelpOptions = true, version = "pinfuzz 0.1.0",
        description = "Fuzzing harness for writeback-vs-GUP-pin policies on a simulated Linux mm core.",
        subcommands = {ReplayCommand.class, CheckCommand.class, PromoteCommand.class, ImportCommand.class, FuzzCommand.class,
                NightlyCommand.class, CorpusCommand.class, BenchCommand.class})
public final class Main implements Runnable {
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
        CommandLine.IParameterExceptionHandler usage = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((ex, args1) -> {
            // bench: one line, no usage dump (its runs are long; a typo should not scroll the screen)
            if (!"bench".equals(ex.getCommandLine().getCommandName())) return usage.handleParseException(ex, args1);
            ex.getCommandLine().getErr().println("pinfuzz bench: " + ex.getMessage() + " (see pinfuzz bench --help)");
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            // Bad input never gets here (commands report it themselves, exit 2): this is a bug in
            // pinfuzz, so keep the stack for the report, under a clear first line.
            line.getErr().println("pinfuzz: internal error (please report): " + ex);
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    private static java.io.PrintWriter utf8(java.io.PrintStream s) {
        return new java.io.PrintWriter(new java.io.OutputStreamWriter(s, java.nio.charset.StandardCharsets.UTF_8), true);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
