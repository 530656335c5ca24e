package io.scoreline.connectors.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The integrations of one CRM as a webhook decoder may look them up, before the request's
 * organization is known. Implemented by the caller over the integration directory.
 */
public interface WebhookDirectory {

    /** The integrations holding each account, oldest first (an empty list for an account nobody holds). */
    Map<String, List<WebhookTarget>> byAccounts(Collection<String> externalAccountIds);

    /**
     * The integration whose endpoint the URL's id and secret name, only when the secret matches;
     * empty alike for an unknown id, another CRM's integration and a wrong or missing secret.
     */
    Optional<WebhookTarget> endpoint(String integrationId, Optional<String> secret);

    /** The integration's webhook signing secret ({@link WebhookDecoder#signingSecret}), empty when it has none. */
    Optional<String> signingSecret(WebhookTarget target);
}
