package io.scoreline.app.cli;

import io.scoreline.pipeline.tenancy.Organization;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON line of one organization, shared by {@code org create} and {@code org list}. */
final class OrganizationJson {

    private OrganizationJson() {
    }

    static Map<String, Object> of(Organization organization) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", organization.id());
        line.put("slug", organization.slug());
        line.put("name", organization.name());
        line.put("timezone", organization.timezone().getId());
        line.put("week_start", organization.weekStart().name().toLowerCase(Locale.ROOT));
        line.put("created_at", organization.createdAt().toString());
        return line;
    }
}
