package io.scoreline.app.cli.bench;

import io.scoreline.app.cli.CommandGroup;
import io.scoreline.app.cli.HelpOptions;
import picocli.CommandLine.Command;

/** {@code scoreline bench …}: measurements on this machine. */
@Command(
        name = "bench",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline bench backfill --records 100000",
            "  scoreline bench webhooks --events 20000 --json",
            "  scoreline bench cli --runs 10",
            "  scoreline bench tenants --integrations 100"
        },
        description = "Measure throughput on this machine (figures are reported, never asserted).",
        subcommands = {
            BenchBackfillCommand.class,
            BenchEvaluatorCommand.class,
            BenchWebhooksCommand.class,
            BenchApiCommand.class,
            BenchCliCommand.class,
            BenchTenantsCommand.class
        })
public final class BenchCommand extends CommandGroup {}
