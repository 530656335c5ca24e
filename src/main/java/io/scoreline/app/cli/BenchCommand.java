package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline bench …}: measurements on this machine. */
@Command(name = "bench", description = "Measure throughput on this machine (figures are reported, never asserted).",
        subcommands = {BenchBackfillCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
