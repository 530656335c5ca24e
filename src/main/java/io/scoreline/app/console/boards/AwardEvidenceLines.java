package io.scoreline.app.console.boards;

import io.scoreline.app.view.BadgeAwardView;
import java.util.List;
import java.util.Map;

/**
 * An award as the badges page shows it: the award and its evidence in words a person reads.
 *
 * @param rule    the rule as stored, e.g. {@code {kind=threshold, kpi=calls_made, ...}}
 * @param window  the days the rule looked at
 * @param records the CRM records that contributed most (object, id, day, value)
 */
public record AwardEvidenceLines(
        BadgeAwardView award,
        String rule,
        String window,
        String value,
        String threshold,
        List<Map<String, Object>> records) {

    @SuppressWarnings("unchecked") // the evidence is JSON read into maps and lists (BadgeAwardView)
    public static AwardEvidenceLines of(BadgeAwardView award) {
        var evidence = award.evidence();
        var records = evidence.get("records") instanceof List<?> list
                ? list.stream()
                        .filter(Map.class::isInstance)
                        .map(r -> (Map<String, Object>) r)
                        .toList()
                : List.<Map<String, Object>>of();
        return new AwardEvidenceLines(
                award,
                text(evidence.get("rule")),
                text(evidence.get("window")),
                text(evidence.get("value")),
                text(evidence.get("threshold")),
                records);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            var parts = new StringBuilder();
            map.forEach((k, v) -> parts.append(parts.isEmpty() ? "" : ", ")
                    .append(k)
                    .append(": ")
                    .append(text(v)));
            return parts.toString();
        }
        return String.valueOf(value);
    }
}
