package io.scoreline.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code scoreline mapping …}: the field-mapping rules of DESIGN §6. */
@Command(name = "mapping", description = "Validate, test, store and show mapping rules.",
        subcommands = {MappingValidateCommand.class, MappingTestCommand.class, MappingSetCommand.class, MappingShowCommand.class})
final class MappingCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: use one of "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
