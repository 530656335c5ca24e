package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline users …}: attribution of CRM users to profiles. */
@Command(name = "users", description = "Import CRM users and link them to profiles by e-mail.",
        subcommands = {UsersSyncCommand.class, UsersUnmatchedCommand.class})
final class UsersCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
