/**
 * API keys of the admin API (issue 21, ADR 0036): issued, listed and revoked by {@link
 * io.scoreline.pipeline.access.ApiKeys}, checked on every request by {@link
 * io.scoreline.pipeline.access.ApiKeyAuthentication}, metered per key by {@link
 * io.scoreline.pipeline.access.KeyRateLimiter}. A key is shown once and stored only as a keyed hash.
 */
package io.scoreline.pipeline.access;
