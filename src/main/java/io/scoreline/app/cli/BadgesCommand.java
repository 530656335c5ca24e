package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.gamification.badges.AwardReader;
import io.scoreline.gamification.badges.AwardView;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline badges --org S [--profile EMAIL]}: awards, newest first; {@code add} and {@code catalog} below. */
@Command(name = "badges",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline badges --org acme",
                "  scoreline badges --org acme --profile ana@acme.example --json"},
        description = "Badge awards of an organization (newest first); add custom badges; show the catalog.",
        subcommands = {BadgesAddCommand.class, BadgesCatalogCommand.class})
final class BadgesCommand extends ContextCommand {

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
        var organization = context.getBean(OrganizationStore.class).require(org);
        var awards = context.getBean(AwardReader.class).list(organization.id(), Optional.ofNullable(profile));
        if (output.json()) {
            awards.forEach(a -> output.jsonLine(json(a)));
        } else if (awards.isEmpty()) {
            output.line("No badges awarded in " + organization.slug() + (profile == null ? "" : " to " + profile));
        } else {
            output.table(List.of("PROFILE", "BADGE", "NAME", "PERIOD", "STATUS", "AWARDED_AT"), awards.stream()
                    .map(a -> List.of(a.profileEmail(), a.badgeKey(), a.badgeName(), a.periodKey(), status(a), a.awardedAt().toString()))
                    .toList());
        }
        return 0;
    }

    private static String status(AwardView award) {
        return award.status() + (award.reversedAt().isPresent() ? " (reversed)" : "");
    }

    /** DESIGN §10 fields first; the evidence says why. */
    private static LinkedHashMap<String, Object> json(AwardView award) {
        var line = new LinkedHashMap<String, Object>();
        line.put("profile", award.profileEmail());
        line.put("badge", award.badgeKey());
        line.put("period_key", award.periodKey());
        line.put("status", award.status());
        line.put("awarded_at", award.awardedAt().toString());
        line.put("name", award.badgeName());
        line.put("category", award.category());
        award.revokedAt().ifPresent(t -> line.put("revoked_at", t.toString()));
        award.reversedAt().ifPresent(t -> line.put("reversed_at", t.toString()));
        line.put("evidence", JsonText.parse(award.evidence()));
        return line;
    }
}
