package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline kpi …}. */
@Command(name = "kpi", description = "Read KPI values.", subcommands = {KpiShowCommand.class})
final class KpiCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
