package io.scoreline.app.cli.mapping;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline mapping …}: the field-mapping rules of DESIGN §6. */
@Command(
        name = "mapping",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline mapping validate mappings/salesforce.yaml",
            "  scoreline mapping set --integration 1 --file rules.yaml",
            "  scoreline mapping activate --integration 1 --version 2"
        },
        description = "Validate, test, store, show and roll back mapping rules.",
        subcommands = {
            MappingValidateCommand.class,
            MappingTestCommand.class,
            MappingSetCommand.class,
            MappingShowCommand.class,
            MappingActivateCommand.class
        })
public final class MappingCommand extends CommandGroup {}
