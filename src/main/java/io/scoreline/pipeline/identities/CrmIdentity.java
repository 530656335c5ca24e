package io.scoreline.pipeline.identities;

import java.util.Optional;

/** A CRM user of one integration and the profile its KPIs are credited to, if any. */
public record CrmIdentity(
        String crmUserId, Optional<String> email, Optional<String> name, boolean active, Optional<Long> profileId) {}
