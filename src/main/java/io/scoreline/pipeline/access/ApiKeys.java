package io.scoreline.pipeline.access;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.tenancy.DayInput;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues, lists and revokes API keys (the {@code apikey} commands). A key's text is returned once,
 * by {@link #create} or {@link #createPlatform}; only its prefix and keyed hash are stored.
 */
@Singleton
public final class ApiKeys {

    /** Prefixes are random; two keys drawing the same one is rare enough that a few retries settle it. */
    private static final int PREFIX_ATTEMPTS = 5;

    private static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyStore keys;
    private final OrganizationStore organizations;
    private final ApiKeyHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ApiKeys(ApiKeyStore keys, OrganizationStore organizations, ApiKeyHasher hasher, Clock clock) {
        this.keys = keys;
        this.organizations = organizations;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * A validated request for a key.
     *
     * @param expires the key works until this day begins (UTC); empty: until revoked
     */
    public record NewApiKey(String name, Scope scope, Optional<LocalDate> expires) {

        public NewApiKey {
            name = validName(name);
        }

        /** @param expires {@code YYYY-MM-DD} or null */
        public static NewApiKey of(String name, String scope, String expires) {
            return new NewApiKey(
                    name, Scope.parse(scope), Optional.ofNullable(expires).map(d -> DayInput.parse(d, "--expires")));
        }
    }

    /** An organization's key, with an audit row of its creation in the same transaction. */
    public IssuedApiKey create(String organizationSlug, NewApiKey request, Actor actor) {
        var organization = organizations.require(organizationSlug);
        var expiresAt = expiry(request);
        return issue(key -> {
            long id = keys.insert(
                    organization.id(),
                    key,
                    hasher.hash(key),
                    request.name(),
                    request.scope(),
                    expiresAt,
                    keyId -> new AuditEntry(actor, "api_key.create", "api_key:" + keyId, summary(key, request)));
            return new IssuedApiKey(
                    id, key, request.name(), request.scope(), Optional.of(organization.slug()), expiresAt);
        });
    }

    /** A key of the installation (admin scope, no organization): it may create and list organizations. */
    public IssuedApiKey createPlatform(String name, Optional<LocalDate> expires) {
        var request = new NewApiKey(name, Scope.ADMIN, expires);
        var expiresAt = expiry(request);
        return issue(key -> new IssuedApiKey(
                keys.insertPlatform(key, hasher.hash(key), request.name(), expiresAt),
                key,
                request.name(),
                Scope.ADMIN,
                Optional.empty(),
                expiresAt));
    }

    public List<ApiKeyInfo> list(String organizationSlug) {
        return keys.list(organizations.require(organizationSlug).id());
    }

    public List<ApiKeyInfo> listPlatform() {
        return keys.listPlatform();
    }

    /**
     * Revokes the key at once; revoking it again changes nothing and keeps the first time.
     *
     * @throws ScorelineException not found when no key has that id
     */
    public Instant revoke(long id, Actor actor) {
        var revoked = keys.revoke(id, clock.instant())
                .orElseThrow(() -> ScorelineException.notFound(
                        "no API key with id " + id + " (see `scoreline apikey list --org SLUG`)"));
        revoked.organizationId()
                .ifPresent(org -> keys.audit(
                        org, new AuditEntry(actor, "api_key.revoke", "api_key:" + id, Map.of("revoked", true))));
        return revoked.revokedAt();
    }

    private IssuedApiKey issue(java.util.function.Function<ApiKeyText, IssuedApiKey> store) {
        ScorelineException clash = null;
        for (int attempt = 0; attempt < PREFIX_ATTEMPTS; attempt++) {
            try {
                return store.apply(ApiKeyText.generate(random));
            } catch (ScorelineException e) {
                if (e.kind() != io.scoreline.failure.FailureKind.CONFLICT) {
                    throw e;
                }
                clash = e;
            }
        }
        throw clash;
    }

    private Optional<Instant> expiry(NewApiKey request) {
        var expiresAt =
                request.expires().map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(clock.instant())) {
            throw ScorelineException.badInput("--expires must be a day after today (UTC), got "
                    + request.expires().get());
        }
        return expiresAt;
    }

    private static Map<String, Object> summary(ApiKeyText key, NewApiKey request) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("prefix", key.shownPrefix());
        summary.put("name", request.name());
        summary.put("scope", request.scope().key());
        request.expires().ifPresent(d -> summary.put("expires", d.toString()));
        return summary;
    }

    private static String validName(String value) {
        if (value == null || value.isBlank()) {
            throw ScorelineException.badInput("an API key needs a name (--name), e.g. the app that uses it");
        }
        var name = value.strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw ScorelineException.badInput("the key name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            throw ScorelineException.badInput("the key name must not contain control characters");
        }
        return name;
    }
}
