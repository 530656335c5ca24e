package io.scoreline.pipeline.integrations.oauth;

import java.util.OptionalLong;

/**
 * How an attempt ended, as stored for whoever waits on it ({@code integration connect --oauth}).
 *
 * @param integrationId the integration connected or reconnected, on success
 * @param reason        {@link OAuthFailure.Reason#key()} on failure
 */
public record OAuthOutcome(boolean connected, OptionalLong integrationId, String reason, String message) {}
