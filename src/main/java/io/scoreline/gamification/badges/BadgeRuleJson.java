package io.scoreline.gamification.badges;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.BadgeRule.Combo;
import io.scoreline.gamification.badges.BadgeRule.First;
import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.gamification.badges.BadgeRule.PersonalBest;
import io.scoreline.gamification.badges.BadgeRule.Placement;
import io.scoreline.gamification.badges.BadgeRule.Streak;
import io.scoreline.gamification.badges.BadgeRule.StreakUnit;
import io.scoreline.gamification.badges.BadgeRule.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A rule as stored in {@code badges.rule}: the same field names as the catalog YAML. Stored rules
 * were validated by {@link BadgeCatalogReader} on the way in, so a malformed one here is a bug.
 */
public final class BadgeRuleJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private BadgeRuleJson() {}

    public static Map<String, Object> toMap(BadgeRule rule) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", rule.kind());
        switch (rule) {
            case Threshold t -> {
                map.put("kpi", t.kpi());
                map.put("period", t.period().key());
                map.put("at_least", t.atLeast());
            }
            case Streak s -> {
                map.put("kpi", s.kpi());
                map.put("unit", s.unit().name().toLowerCase(Locale.ROOT));
                map.put("length", s.length());
                map.put("at_least", s.atLeast());
            }
            case First f -> map.put("kpi", f.kpi());
            case PersonalBest p -> {
                map.put("kpi", p.kpi());
                map.put("period", p.period().key());
                p.minHistory().ifPresent(n -> map.put("min_history", n));
            }
            case Combo c -> {
                map.put("period", c.period().key());
                var parts = new ArrayList<Map<String, Object>>();
                c.parts().forEach(part -> parts.add(Map.of("kpi", part.kpi(), "at_least", part.atLeast())));
                map.put("parts", parts);
            }
            case GoalReached g -> {
                map.put("kpi", g.kpi());
                map.put("period", g.period().key());
            }
            case Placement p -> map.put("rank", p.rank());
        }
        return map;
    }

    public static String toJson(BadgeRule rule) {
        return write(toMap(rule));
    }

    /** Stored rules are few and parsed for every evaluated person: parse each text once. */
    private static final java.util.Map<String, BadgeRule> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    public static BadgeRule fromJson(String json) {
        var cached = PARSED.get(json);
        if (cached != null) {
            return cached;
        }
        var rule = parse(json);
        if (PARSED.size() < 10_000) {
            PARSED.put(json, rule);
        }
        return rule;
    }

    private static BadgeRule parse(String json) {
        try {
            var node = JSON.readTree(json);
            return switch (node.path("kind").asText()) {
                case "threshold" ->
                    new Threshold(
                            node.get("kpi").asText(),
                            period(node),
                            node.get("at_least").decimalValue());
                case "streak" ->
                    new Streak(
                            node.get("kpi").asText(),
                            StreakUnit.valueOf(node.get("unit").asText().toUpperCase(Locale.ROOT)),
                            node.get("length").asInt(),
                            node.get("at_least").decimalValue());
                case "first" -> new First(node.get("kpi").asText());
                case "personal_best" ->
                    new PersonalBest(
                            node.get("kpi").asText(),
                            period(node),
                            node.has("min_history")
                                    ? Optional.of(node.get("min_history").asInt())
                                    : Optional.empty());
                case "combo" -> new Combo(period(node), parts(node.get("parts")));
                case "goal_reached" -> new GoalReached(node.get("kpi").asText(), period(node));
                case "placement" -> new Placement(node.get("rank").asInt());
                default -> throw new IllegalArgumentException("unknown kind " + node.path("kind"));
            };
        } catch (JsonProcessingException | RuntimeException e) {
            throw new ScorelineException(FailureKind.BUG, "stored badge rule is malformed: " + json, e);
        }
    }

    /** JSON text of a map of plain values (numbers, strings, lists, maps). */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static PeriodUnit period(JsonNode node) {
        return PeriodUnit.fromKey(node.get("period").asText()).orElseThrow();
    }

    private static List<Combo.Part> parts(JsonNode node) {
        var parts = new ArrayList<Combo.Part>();
        node.forEach(p -> parts.add(new Combo.Part(
                p.get("kpi").asText(), new BigDecimal(p.get("at_least").asText()))));
        return parts;
    }
}
