package io.scoreline.app.cli;

import io.scoreline.gamification.badges.BadgeDefinition;
import io.scoreline.gamification.badges.BadgeRuleJson;
import io.scoreline.gamification.badges.StockCatalog;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code scoreline badges catalog}: the stock badges every organization gets. No database. */
@Command(name = "catalog",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges catalog",
                "  scoreline badges catalog --json"},
        description = "List the stock badge catalog (key, category, rule, policy). No database.")
final class BadgesCatalogCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var output = new CliOutput(new PrintWriter(spec.commandLine().getOut(), true), common.json);
        var badges = StockCatalog.badges();
        if (output.json()) {
            badges.forEach(b -> output.jsonLine(json(b)));
        } else {
            output.table(List.of("KEY", "CATEGORY", "NAME", "KIND", "POLICY", "DESCRIPTION"), badges.stream()
                    .map(b -> List.of(b.key(), b.category(), b.name(), b.rule().kind(), b.policy().key(), b.description()))
                    .toList());
        }
        return 0;
    }

    private static LinkedHashMap<String, Object> json(BadgeDefinition badge) {
        var line = new LinkedHashMap<String, Object>();
        line.put("badge", badge.key());
        line.put("name", badge.name());
        line.put("category", badge.category());
        line.put("description", badge.description());
        line.put("policy", badge.policy().key());
        line.put("rule", BadgeRuleJson.toMap(badge.rule()));
        return line;
    }
}
