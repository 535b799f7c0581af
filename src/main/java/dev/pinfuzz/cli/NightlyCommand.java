package dev.pinfuzz.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the campaign lands: replays the seed corpus. */
@Command(name = "nightly", description = "The nightly job.")
final class NightlyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return Main.execute("replay", "corpus/seeds");
    }
}
