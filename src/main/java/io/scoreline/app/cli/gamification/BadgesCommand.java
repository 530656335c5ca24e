package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.BadgeAwardView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.AwardView;
import io.scoreline.gamification.badges.BadgeAwards;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline badges --org S [--profile EMAIL]}: awards, newest first; {@code add} and {@code catalog} below. */
@Command(
        name = "badges",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges --org acme", "  scoreline badges --org acme --profile ana@acme.example --json"},
        description = "Badge awards of an organization (newest first); add custom badges; show the catalog.",
        subcommands = {BadgesAddCommand.class, BadgesCatalogCommand.class})
public final class BadgesCommand extends ContextCommand {

    @Option(names = "--org", paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--profile", paramLabel = "EMAIL", description = "Only this person")
    String profile;

    @Override
    protected void validate() {
        if (org == null) {
            throw ScorelineException.badInput("--org is required (or use `badges add` / `badges catalog`)");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var listed = context.getBean(BadgeAwards.class).list(org, Optional.ofNullable(profile));
        var organization = listed.organization();
        var awards = listed.awards();
        if (output.json()) {
            awards.forEach(a -> output.jsonLine(BadgeAwardView.of(a)));
        } else if (awards.isEmpty()) {
            output.line("No badges awarded in " + organization.slug() + (profile == null ? "" : " to " + profile));
        } else {
            output.table(
                    List.of("PROFILE", "BADGE", "NAME", "PERIOD", "STATUS", "AWARDED_AT"),
                    awards.stream()
                            .map(a -> List.of(
                                    a.profileEmail(),
                                    a.badgeKey(),
                                    a.badgeName(),
                                    a.periodKey(),
                                    status(a),
                                    a.awardedAt().toString()))
                            .toList());
        }
        return 0;
    }

    private static String status(AwardView award) {
        return award.status() + (award.reversedAt().isPresent() ? " (reversed)" : "");
    }
}
