package io.scoreline.app.cli;

import picocli.CommandLine.Command;

/** {@code scoreline mapping …}: the field-mapping rules of DESIGN §6. */
@Command(name = "mapping",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline mapping validate mappings/salesforce.yaml",
                "  scoreline mapping set --integration 1 --file rules.yaml"},
        description = "Validate, test, store and show mapping rules.",
        subcommands = {MappingValidateCommand.class, MappingTestCommand.class, MappingSetCommand.class, MappingShowCommand.class})
final class MappingCommand extends CommandGroup {
}
