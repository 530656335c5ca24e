package io.scoreline.pipeline.tenancy;

import io.scoreline.failure.ScorelineException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A validated change to an organization's name, time zone or week start; an empty part stays as
 * it is. Validated by the same rules as {@link NewOrganization}, so the CLI and the API refuse the
 * same input with the same words.
 */
public record OrganizationChange(Optional<String> name, Optional<ZoneId> timezone, Optional<DayOfWeek> weekStart) {

    public OrganizationChange {
        if (name.isEmpty() && timezone.isEmpty() && weekStart.isEmpty()) {
            throw ScorelineException.badInput("nothing to change: give a name, a time zone or a week start");
        }
        name = name.map(NewOrganization::name);
    }

    /** Each argument may be null (unchanged). */
    public static OrganizationChange of(String name, String timezone, String weekStart) {
        return new OrganizationChange(
                Optional.ofNullable(name).map(NewOrganization::name),
                Optional.ofNullable(timezone).map(NewOrganization::timezone),
                Optional.ofNullable(weekStart).map(NewOrganization::weekStart));
    }

    /** The audit summary: the new value of each part that changes. */
    Map<String, Object> summary() {
        var summary = new LinkedHashMap<String, Object>();
        name.ifPresent(n -> summary.put("name", n));
        timezone.ifPresent(z -> summary.put("timezone", z.getId()));
        weekStart.ifPresent(d -> summary.put("week_start", d.name().toLowerCase(Locale.ROOT)));
        return summary;
    }
}
