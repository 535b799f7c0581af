package dev.pinfuzz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinfuzz}: the command line (DESIGN §5). */
@Command(name = "pinfuzz", mixinStandardHelpOptions = true, version = "pinfuzz 0.1.0",
        description = "Fuzzing harness for writeback-vs-GUP-pin policies on a simulated Linux mm core.",
        subcommands = {ReplayCommand.class, NightlyCommand.class})
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
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            // Bad input never gets here (commands report it themselves, exit 2): this is a bug in
            // pinfuzz, so keep the stack for the report, under a clear first line.
            line.getErr().println("pinfuzz: internal error (please report): " + ex);
            ex.printStackTrace(line.getErr());
            return INTERNAL_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
