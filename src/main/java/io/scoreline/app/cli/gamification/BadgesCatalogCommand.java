package io.scoreline.app.cli.gamification;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CommonOptions;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.BadgeView;
import io.scoreline.gamification.badges.CatalogBadge;
import io.scoreline.gamification.badges.StockCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scoreline badges catalog}: the stock badges every organization gets. No database. */
@Command(
        name = "catalog",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges catalog", "  scoreline badges catalog --json"},
        description = "List the stock badge catalog (key, category, rule, policy). No database.")
final class BadgesCatalogCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json());
        // No database, so no context: the bundled catalog itself (BadgeCatalogs#stock for entry points with one).
        var badges = StockCatalog.badges();
        if (output.json()) {
            badges.forEach(b -> output.jsonLine(BadgeView.of(new CatalogBadge(b, "stock"))));
        } else {
            output.table(
                    List.of("KEY", "CATEGORY", "NAME", "KIND", "POLICY", "DESCRIPTION"),
                    badges.stream()
                            .map(b -> List.of(
                                    b.key(),
                                    b.category(),
                                    b.name(),
                                    b.rule().kind(),
                                    b.policy().key(),
                                    b.description()))
                            .toList());
        }
        return 0;
    }
}
