package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline integration …}: connections to CRM accounts. */
@Command(name = "integration", description = "Connect CRM accounts to an organization.",
        subcommands = {IntegrationAddCommand.class, IntegrationListCommand.class, IntegrationTestCommand.class})
final class IntegrationCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
