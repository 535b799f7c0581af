package dev.pinfuzz.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pinfuzz}: the command line (DESIGN §5). */
@Command(name = "pinfuzz", mixinStandardHelpOptions = true, version = "pinfuzz 0.1.0",
        description = "Fuzzing harness for writeback-vs-GUP-pin policies on a simulated Linux mm core.",
        subcommands = {ReplayCommand.class, FuzzCommand.class, NightlyCommand.class, CorpusCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("pinfuzz: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
