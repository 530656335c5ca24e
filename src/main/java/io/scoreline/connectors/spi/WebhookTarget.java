package io.scoreline.connectors.spi;

import java.util.Optional;

/**
 * An integration a webhook may be for, as the directory shows it: never its credentials.
 *
 * @param status            its status as stored ({@code active}, {@code paused}, ...), for messages
 * @param externalAccountId the CRM account it holds (HubSpot portal id, Salesforce org id), if known
 */
public record WebhookTarget(
        long integrationId, long organizationId, boolean active, String status, Optional<String> externalAccountId) {}
