package io.scoreline.pipeline.kpi;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of KPI values ended: the last row's person, KPI and period, the keys the rows are
 * ordered by. Opaque to callers (base64url); a cursor that does not decode is refused, never trusted
 * beyond being compared with.
 */
record KpiValueCursor(String profileEmail, String kpiKey, Optional<LocalDate> period) {

    private static final char SEPARATOR = '\n';

    static KpiValueCursor after(KpiValue last) {
        return new KpiValueCursor(last.profileEmail(), last.kpiKey(), last.period());
    }

    String encode() {
        var text = profileEmail
                + SEPARATOR
                + kpiKey
                + SEPARATOR
                + period.map(LocalDate::toString).orElse("");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static KpiValueCursor decode(String cursor, KpiGrouping group) {
        try {
            var parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3 && parts[2].isEmpty() == (group == KpiGrouping.WINDOW)) {
                var period = parts[2].isEmpty() ? Optional.<LocalDate>empty() : Optional.of(LocalDate.parse(parts[2]));
                return new KpiValueCursor(parts[0], parts[1], period);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below, in the same words as any other cursor that is not one of ours
        }
        throw new KpiInputRefused("after", "after is not a cursor of this query; pass the next of the previous page");
    }
}
