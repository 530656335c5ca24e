package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.onboarding.IntegrationOnboarding;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Connecting a CRM through its OAuth authorization-code flow (issue 24, ADR 0051).
 *
 * <p>{@link #start} makes a state of 256 random bits, stores its SHA-256 with the organization, the
 * validated settings, the callback URL and (Salesforce) the PKCE verifier encrypted, and answers
 * the CRM's authorize URL. {@link #complete} takes the state once, whatever comes after: a replay
 * or a second click finds it used. Only then is the code exchanged and the integration created (or
 * given the new credentials), so a failure at any step leaves no integration behind, and the
 * outcome is written on the attempt for whoever waits on it.
 */
public final class OAuthConnections {

    /** How long the operator has to answer the CRM's consent page. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    private static final HexFormat HEX = HexFormat.of();

    /**
     * @param reconnect an integration of the organization that gets new credentials instead of a new one
     * @param returnTo  a console path the callback sends the browser back to ({@link ReturnTarget})
     */
    public record StartRequest(
            CrmProvider provider, ConnectionOptions options, OptionalLong reconnect, Optional<String> returnTo) {}

    /** @param attemptId what {@link #progress} takes; not a secret, useless without the state */
    public record Started(Organization organization, long attemptId, URI authorizeUrl, Instant expiresAt) {}

    /** The CRM's answer at the callback, as its query parameters came. */
    public record CallbackAnswer(
            Optional<String> code, Optional<String> state, Optional<String> error, Optional<String> errorDescription) {}

    /** A connected integration, and where the browser goes back to. */
    public record Connected(
            Organization organization, Integration integration, boolean reconnected, Optional<String> returnTo) {}

    private final OrganizationStore organizations;
    private final IntegrationStore integrations;
    private final IntegrationOnboarding onboarding;
    private final OAuthStateStore states;
    private final OAuthFlows flows;
    private final OAuthApps apps;
    private final Supplier<CredentialCipher> cipher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthConnections(
            OrganizationStore organizations,
            IntegrationStore integrations,
            IntegrationOnboarding onboarding,
            OAuthStateStore states,
            OAuthFlows flows,
            OAuthApps apps,
            Supplier<CredentialCipher> cipher,
            Clock clock) {
        this.organizations = organizations;
        this.integrations = integrations;
        this.onboarding = onboarding;
        this.states = states;
        this.flows = flows;
        this.apps = apps;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** {@link #start(long, StartRequest, URI, Actor)} for the organization with this slug (the CLI's). */
    public Started start(String organizationSlug, StartRequest request, URI serverBase, Actor actor) {
        return start(organizations.require(organizationSlug).id(), request, serverBase, actor);
    }

    /**
     * The CRM's authorize URL for a new attempt.
     *
     * @param serverBase the scheme, host and port the browser reaches this server at: the callback
     *                   URL is made from it, and the CRM must have it registered
     */
    public Started start(long organizationId, StartRequest request, URI serverBase, Actor actor) {
        var organization = organizations.get(organizationId);
        var provider = request.provider();
        var flow = flows.of(provider);
        var app = apps.require(provider);
        var returnTo = ReturnTarget.parse(request.returnTo());
        Map<String, String> settings;
        Optional<String> account;
        if (request.reconnect().isPresent()) {
            long id = request.reconnect().getAsLong();
            var integration = integrations
                    .find(organizationId, id)
                    .orElseThrow(() -> ScorelineException.notFound("no integration " + id));
            if (integration.provider() != provider) {
                throw ScorelineException.badInput("integration " + id + " is a "
                        + integration.provider().key() + " integration, not " + provider.key());
            }
            settings = integration.settings();
            account = integration.externalAccountId();
        } else {
            var made = CrmProfiles.of(provider).newSettings(request.options());
            settings = made.settings();
            account = made.externalAccountId();
        }
        var state = randomText();
        var verifier = flow.usesPkce() ? Optional.of(randomText()) : Optional.<String>empty();
        var redirectUri = callbackUri(serverBase, provider);
        var now = clock.instant();
        var expiresAt = now.plus(STATE_LIFETIME);
        long id = states.insert(new OAuthStateStore.NewAttempt(
                organizationId,
                sha256(state),
                provider,
                settings,
                account,
                request.reconnect(),
                redirectUri,
                returnTo,
                verifier.map(v -> cipher.get().encryptSecret(v)),
                actor.auditName(),
                now,
                expiresAt));
        var url = flow.authorizeUri(settings, app, redirectUri, state, verifier.map(OAuthConnections::s256));
        return new Started(organization, id, url, expiresAt);
    }

    /**
     * Takes the CRM's answer at the callback of {@code providerKey}: the state authenticates it.
     *
     * @throws OAuthFailure when nothing was connected, with the reason
     */
    public Connected complete(String providerKey, CallbackAnswer answer) {
        var state = answer.state().filter(s -> !s.isBlank());
        if (state.isEmpty()) {
            throw new OAuthFailure(
                    OAuthFailure.Reason.UNKNOWN_STATE, "the callback carries no state", Optional.empty());
        }
        var now = clock.instant();
        var taken = states.take(sha256(state.get()), now)
                .orElseThrow(() -> new OAuthFailure(
                        OAuthFailure.Reason.UNKNOWN_STATE,
                        "no connection attempt has this state; start again",
                        Optional.empty()));
        var attempt = states.find(taken.organizationId(), taken.id())
                .orElseThrow(() -> new ScorelineException(FailureKind.BUG, "a taken state has no attempt"));
        if (taken.usedBefore().isPresent()) {
            // The attempt's outcome stays what its first use made it.
            throw new OAuthFailure(
                    OAuthFailure.Reason.USED_STATE,
                    "this connection attempt was answered already; start again",
                    attempt.returnTo());
        }
        if (!attempt.provider().key().equals(providerKey)) {
            throw failed(
                    attempt,
                    OAuthFailure.Reason.WRONG_PROVIDER,
                    "the attempt was started for " + attempt.provider().key() + ", not " + printable(providerKey));
        }
        if (!now.isBefore(attempt.expiresAt())) {
            throw failed(
                    attempt,
                    OAuthFailure.Reason.EXPIRED_STATE,
                    "the connection attempt expired at " + attempt.expiresAt() + " (attempts last "
                            + STATE_LIFETIME.toMinutes() + " minutes); start again");
        }
        var crm = CrmProfiles.of(attempt.provider()).displayName();
        if (answer.error().isPresent()) {
            var error = answer.error().get();
            if (error.equals("access_denied")) {
                throw failed(attempt, OAuthFailure.Reason.DENIED, crm + " access was denied on its consent page");
            }
            throw failed(
                    attempt,
                    OAuthFailure.Reason.CRM_REFUSED,
                    crm + " answered " + printable(error)
                            + answer.errorDescription()
                                    .map(d -> " (" + printable(d) + ")")
                                    .orElse(""));
        }
        var code = answer.code().filter(c -> !c.isBlank());
        if (code.isEmpty()) {
            throw failed(attempt, OAuthFailure.Reason.CRM_REFUSED, crm + " sent neither a code nor an error");
        }
        var app = apps.require(attempt.provider());
        io.scoreline.connectors.spi.CrmCredentials.RefreshToken credentials;
        try {
            credentials = flows.of(attempt.provider())
                    .exchange(
                            attempt.settings(),
                            app,
                            attempt.redirectUri(),
                            code.get(),
                            attempt.codeVerifier().map(v -> cipher.get().decryptSecret(v)));
        } catch (ScorelineException e) {
            throw failed(attempt, OAuthFailure.Reason.CRM_REFUSED, e.getMessage());
        }
        var actor = actor(attempt.actor());
        try {
            var connected = attempt.reconnectId().isPresent()
                    ? reconnect(attempt, credentials, actor)
                    : connect(attempt, credentials, actor);
            states.finish(
                    attempt.organizationId(),
                    attempt.id(),
                    new OAuthOutcome(
                            true, OptionalLong.of(connected.integration().id()), "", "connected"));
            return connected;
        } catch (OAuthFailure e) {
            throw e;
        } catch (ScorelineException e) {
            throw failed(attempt, OAuthFailure.Reason.NOT_CONNECTED, e.getMessage());
        }
    }

    /** Where an attempt of the organization stands; another organization's attempt is not found. */
    public OAuthProgress progress(long organizationId, long attemptId) {
        var attempt = states.find(organizationId, attemptId)
                .orElseThrow(() -> ScorelineException.notFound("no connection attempt " + attemptId));
        if (attempt.outcome().isPresent()) {
            var outcome = attempt.outcome().get();
            var integration = outcome.integrationId().isPresent()
                    ? integrations.find(organizationId, outcome.integrationId().getAsLong())
                    : Optional.<Integration>empty();
            return new OAuthProgress.Finished(outcome, integration);
        }
        return clock.instant().isBefore(attempt.expiresAt())
                ? new OAuthProgress.Waiting(attempt.expiresAt())
                : new OAuthProgress.Expired(attempt.expiresAt());
    }

    private Connected connect(
            OAuthAttempt attempt, io.scoreline.connectors.spi.CrmCredentials credentials, Actor actor) {
        var request = new NewIntegration(
                attempt.organizationId(),
                attempt.provider(),
                credentials,
                attempt.settings(),
                attempt.externalAccountId(),
                false);
        var added = onboarding.add(attempt.organizationId(), request, actor);
        return new Connected(added.organization(), added.integration(), false, attempt.returnTo());
    }

    private Connected reconnect(
            OAuthAttempt attempt, io.scoreline.connectors.spi.CrmCredentials credentials, Actor actor) {
        long id = attempt.reconnectId().getAsLong();
        integrations.replaceCredentials(attempt.organizationId(), id, credentials);
        var changes = new LinkedHashMap<String, Object>();
        changes.put("provider", attempt.provider().key());
        changes.put("login", "OAuth authorization code");
        integrations.audit(
                attempt.organizationId(), new AuditEntry(actor, "integration.reconnect", "integration:" + id, changes));
        var integration = integrations
                .find(attempt.organizationId(), id)
                .orElseThrow(() -> ScorelineException.notFound("no integration " + id));
        return new Connected(organizations.get(attempt.organizationId()), integration, true, attempt.returnTo());
    }

    private OAuthFailure failed(OAuthAttempt attempt, OAuthFailure.Reason reason, String message) {
        states.finish(
                attempt.organizationId(),
                attempt.id(),
                new OAuthOutcome(false, OptionalLong.empty(), reason.key(), message));
        return new OAuthFailure(reason, message, attempt.returnTo());
    }

    private static Actor actor(String auditName) {
        if (auditName.startsWith("api_key:")) {
            return new Actor.ApiKey(Long.parseLong(auditName.substring("api_key:".length())));
        }
        return Actor.OPERATOR;
    }

    static URI callbackUri(URI serverBase, CrmProvider provider) {
        var base = serverBase.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/oauth/callback/"
                + provider.key());
    }

    private String randomText() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        return HEX.formatHex(digest(text));
    }

    /** RFC 7636 S256 challenge of a verifier. */
    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What a callback's parameters may hold is anybody's text: cut and stripped of controls for a message. */
    private static String printable(String text) {
        var cut = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
