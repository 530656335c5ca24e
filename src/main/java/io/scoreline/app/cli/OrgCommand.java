package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline org …}: the tenants. */
@Command(name = "org", description = "Create and list organizations.",
        subcommands = {OrgCreateCommand.class, OrgListCommand.class})
final class OrgCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
