package io.scoreline.app.console.session;

import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.ApiKeyAuthentication;
import io.scoreline.pipeline.access.Authentication;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in, the session of each console request, picking an organization with a platform key,
 * and signing out. A key is verified exactly as the API verifies a bearer, and only its id and
 * scope are kept; a session ends when its key is revoked or expires, after
 * {@link io.scoreline.app.config.ConsoleSettings#idleTimeout()} unused and after
 * {@link io.scoreline.app.config.ConsoleSettings#maxAge()} in any case.
 */
@Singleton
public final class ConsoleSessions {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessions.class);

    private final ApiKeyAuthentication authentication;
    private final ConsoleSessionStore store;
    private final OrganizationSetup organizations;
    private final Clock clock;
    private final Duration idle;
    private final Duration maxAge;

    ConsoleSessions(
            ApiKeyAuthentication authentication,
            ConsoleSessionStore store,
            OrganizationSetup organizations,
            ScorelineConfig config,
            Clock clock) {
        this.authentication = authentication;
        this.store = store;
        this.organizations = organizations;
        this.clock = clock;
        this.idle = config.console().idleTimeout();
        this.maxAge = config.console().maxAge();
    }

    public SignIn signIn(String key) {
        var outcome = authentication.authenticate(Optional.of("Bearer " + key.strip()));
        return switch (outcome) {
            case Authentication.Refused refused -> {
                if (refused.keyId() >= 0) {
                    LOG.info("console sign-in with API key {} refused: {}", refused.keyId(), refused.reason());
                }
                yield new SignIn.Refused();
            }
            case Authentication.Authenticated authenticated -> new SignIn.Opened(open(authenticated.caller()));
        };
    }

    /** The live session a cookie names, if any; each call counts as a use. */
    public Optional<ConsoleSession> use(SessionId id) {
        return store.use(id, clock.instant(), idle);
    }

    /** The organizations a platform key's holder may pick from. */
    public List<Organization> organizations(ConsoleSession session) {
        requirePending(session);
        return organizations.list();
    }

    /** Binds a platform key's session to one organization, once. */
    public void pick(ConsoleSession session, long organizationId) {
        requirePending(session);
        if (organizations.list().stream().noneMatch(o -> o.id() == organizationId)) {
            throw ScorelineException.notFound("no organization with id " + organizationId);
        }
        if (!store.pick(session.id(), organizationId)) {
            throw ScorelineException.conflict("this session has an organization already");
        }
        LOG.info("console session of platform key {} picked organization {}", session.keyId(), organizationId);
    }

    public void signOut(SessionId id) {
        store.close(id);
    }

    private ConsoleSession open(ApiCaller caller) {
        var id = SessionId.random();
        var now = clock.instant();
        var organization = switch (caller) {
            case ApiCaller.OrganizationKey key -> Optional.of(key.organizationId());
            case ApiCaller.PlatformKey ignored -> Optional.<Long>empty();
        };
        var session = new ConsoleSession(
                id, organization, caller.keyId(), caller.scope(), SessionId.randomToken(), now.plus(maxAge));
        store.open(id, organization, caller.keyId(), caller.scope(), session.csrfToken(), now, session.expiresAt());
        LOG.info("console session opened with API key {}", caller.keyId());
        return session;
    }

    /** Only a platform key's session without an organization picks; anything else is not there. */
    private static void requirePending(ConsoleSession session) {
        if (session.organizationId().isPresent()) {
            throw ScorelineException.notFound("not found");
        }
    }
}
