package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.mappings.CrmProvider;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One authorization attempt as stored: never the state, only what the callback needs.
 *
 * @param codeVerifier ciphertext of the PKCE verifier (Salesforce), empty for a CRM without PKCE
 * @param reconnectId  the integration that gets the new credentials, when not a new one
 * @param actor        {@code audit_log.actor} of who started it
 */
record OAuthAttempt(
        long id,
        long organizationId,
        CrmProvider provider,
        Map<String, String> settings,
        Optional<String> externalAccountId,
        OptionalLong reconnectId,
        URI redirectUri,
        Optional<String> returnTo,
        Optional<String> codeVerifier,
        String actor,
        Instant expiresAt,
        Optional<OAuthOutcome> outcome) {}
