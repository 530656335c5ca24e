package io.scoreline.pipeline.tenancy;

import java.util.Locale;

/**
 * Who created an organization ({@code organizations.created_by}). Only the demo resets an
 * organization, and only one it created itself: a customer's organization that happens to be
 * called {@code demo} is never touched.
 */
public enum OrganizationOrigin {
    /** Created by an operator ({@code org create}, or any organization older than V18). */
    OPERATOR,
    /** Created by {@code scoreline demo}, which may delete and re-create it. */
    DEMO;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static OrganizationOrigin fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
