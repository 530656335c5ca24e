package io.scoreline.app.cli.integration;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.TerminalText;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.pipeline.integrations.catalogs.CatalogJson;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline integration describe}: reads the objects and fields of an integration's CRM
 * account now, stores them (a new version when they changed) and prints them with the API calls
 * the reading cost. With {@code --json} it prints the catalog file {@code mapping validate
 * --catalog FILE} reads.
 */
@Command(
        name = "describe",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline integration describe --integration 1",
            "  scoreline integration describe --integration 1 --json",
            "  (redirect the JSON to a file for `scoreline mapping validate --catalog FILE`)"
        },
        description = "Read the objects and fields (custom ones too) of an integration's CRM account and store them.")
final class IntegrationDescribeCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var refresh = context.getBean(IntegrationCatalogs.class).refresh(integrationId);
        var read = refresh.stored().read();
        if (output.json()) {
            output.jsonLine(CatalogJson.toTree(read));
            return 0;
        }
        output.line("Catalog of " + read.catalog().provider().key() + " integration " + integrationId + ": "
                + read.catalog().objectsByLowerName().size() + " objects, read " + read.readAt() + " with "
                + read.apiCalls() + " API calls ("
                + (refresh.changed() ? "stored as version " : "unchanged since version ")
                + refresh.stored().version() + ")");
        read.catalog().objectsByLowerName().values().stream()
                .sorted(Comparator.comparing(s -> s.name().toLowerCase(Locale.ROOT)))
                .forEach(schema -> printObject(output, schema));
        return 0;
    }

    private static void printObject(CliOutput output, ObjectSchema schema) {
        long custom = schema.fields().stream().filter(FieldDef::custom).count();
        output.line("  " + TerminalText.cell(schema.name())
                + schema.apiName().map(id -> " (" + TerminalText.cell(id) + ")").orElse("")
                + (schema.custom() ? " [custom object]" : "") + ": "
                + schema.fields().size() + " fields, "
                + custom + " custom"
                + schema.ownerField()
                        .map(f -> "; owner " + TerminalText.cell(f))
                        .orElse("")
                + schema.dateField().map(f -> ", date " + TerminalText.cell(f)).orElse(""));
        schema.fields().stream()
                .filter(f -> f.custom() || f.calculated())
                .sorted(Comparator.comparing(f -> f.name().toLowerCase(Locale.ROOT)))
                .forEach(field -> output.line("    " + TerminalText.cell(field.name()) + "  "
                        + TerminalText.cell(field.crmType()) + (field.calculated() ? "  formula" : "")
                        + (field.hasOptions() ? "  values: " + options(field) : "")));
    }

    private static String options(FieldDef field) {
        return field.options().stream().map(IntegrationDescribeCommand::option).collect(Collectors.joining(", "));
    }

    private static String option(FieldOption option) {
        return option.value().equals(option.label())
                ? TerminalText.cell(option.value())
                : TerminalText.cell(option.value()) + " (" + TerminalText.cell(option.label()) + ")";
    }
}
