package io.scoreline.gamification.badges;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The stock badges shipped in {@code pipeline/gamification/badges.yaml} (on the classpath as {@code gamification/badges.yaml}). */
public final class StockCatalog {

    public static final String RESOURCE = "gamification/badges.yaml";

    private static volatile List<BadgeDefinition> badges;

    private StockCatalog() {}

    public static List<BadgeDefinition> badges() {
        var loaded = badges;
        if (loaded == null) {
            loaded = load();
            badges = loaded;
        }
        return loaded;
    }

    private static List<BadgeDefinition> load() {
        try (var in = StockCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ScorelineException(
                        FailureKind.BUG, "the stock badge catalog " + RESOURCE + " is not on the classpath");
            }
            var result = BadgeCatalogReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!result.valid()) {
                throw new ScorelineException(
                        FailureKind.BUG,
                        "the stock badge catalog is invalid: "
                                + result.problems().getFirst().format(RESOURCE));
            }
            return result.badges();
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
