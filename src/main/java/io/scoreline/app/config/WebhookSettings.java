package io.scoreline.app.config;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.IntakeSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Webhook endpoints and inbox workers.
 *
 * @param publicBaseUrl    the scheme, host and port HubSpot calls (what it signs); a proxy in front
 *                         of Scoreline changes what the server sees, so it is set, not guessed.
 *                         Empty: the request's own Host header and plain http.
 * @param maxBytes         largest webhook body (and HTTP request) accepted; larger ones get 413
 * @param inboxWorkers     inbox worker threads of {@code serve}
 * @param inboxWriters     of those, how many may write a page at once (default: half the cores)
 * @param inboxMaxAttempts attempts before an inbox event is parked as failed
 * @param inboxBatchSize   most inbox rows one worker claims and writes in one go (ADR 0053)
 * @param maxQueued        most webhook requests waiting for their commit at once; more are
 *                         answered 503 with Retry-After (ADR 0053)
 * @param applyValues      HubSpot property changes are applied with the value the event carries
 *                         instead of reading the record back (ADR 0016); turn off when the app's
 *                         webhook subscriptions do not cover every property the rules read
 * @param verifyAfter      how long after a change applied from its event the record is read back
 *                         once, for the properties HubSpot computes and sends no event for
 * @param readTimeout      how long a client may take to send one whole request, from its first byte
 *                         to the end of its body; a connection that trickles is closed (ADR 0021)
 * @param idleTimeout      how long a connection may stay without any traffic before it is closed
 */
public record WebhookSettings(
        Optional<URI> publicBaseUrl,
        int maxBytes,
        int inboxWorkers,
        int inboxWriters,
        int inboxMaxAttempts,
        int inboxBatchSize,
        int maxQueued,
        boolean applyValues,
        Duration verifyAfter,
        Duration readTimeout,
        Duration idleTimeout) {

    public static final String PUBLIC_BASE_URL = "SCORELINE_PUBLIC_BASE_URL";
    public static final String MAX_BYTES = "SCORELINE_WEBHOOK_MAX_BYTES";
    public static final String INBOX_WORKERS = "SCORELINE_INBOX_WORKERS";
    public static final String INBOX_WRITERS = "SCORELINE_INBOX_WRITERS";
    public static final String INBOX_MAX_ATTEMPTS = "SCORELINE_INBOX_MAX_ATTEMPTS";
    public static final String INBOX_BATCH_SIZE = "SCORELINE_INBOX_BATCH_SIZE";
    public static final String MAX_QUEUED = "SCORELINE_WEBHOOK_MAX_QUEUED";
    public static final String APPLY_VALUES = "SCORELINE_INBOX_APPLY_VALUES";
    public static final String VERIFY_AFTER = "SCORELINE_INBOX_VERIFY_AFTER";
    public static final Duration DEFAULT_VERIFY_AFTER = Duration.ofSeconds(30);
    public static final String READ_TIMEOUT = "SCORELINE_HTTP_READ_TIMEOUT";
    public static final String IDLE_TIMEOUT = "SCORELINE_HTTP_IDLE_TIMEOUT";
    /** A CRM sends a webhook body of at most a megabyte or so in well under a second. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    public static WebhookSettings defaults() {
        return new WebhookSettings(
                Optional.empty(),
                DEFAULT_MAX_BYTES,
                4,
                InboxSettings.defaultWriters(),
                8,
                InboxSettings.DEFAULT_BATCH_SIZE,
                IntakeSettings.DEFAULT_MAX_QUEUED_REQUESTS,
                true,
                DEFAULT_VERIFY_AFTER,
                DEFAULT_READ_TIMEOUT,
                DEFAULT_IDLE_TIMEOUT);
    }

    static WebhookSettings read(SettingsReader settings) {
        return new WebhookSettings(
                settings.text(PUBLIC_BASE_URL).map(WebhookSettings::baseUrl),
                settings.integer(MAX_BYTES, DEFAULT_MAX_BYTES, 1024, 64 * 1024 * 1024),
                settings.integer(INBOX_WORKERS, 4, 1, 64),
                settings.defaultShownAs(INBOX_WRITERS, "half the cores")
                        .integer(INBOX_WRITERS, InboxSettings.defaultWriters(), 1, 64),
                settings.integer(INBOX_MAX_ATTEMPTS, 8, 1, 100),
                settings.integer(INBOX_BATCH_SIZE, InboxSettings.DEFAULT_BATCH_SIZE, 1, 50_000),
                settings.integer(MAX_QUEUED, IntakeSettings.DEFAULT_MAX_QUEUED_REQUESTS, 1, 100_000),
                settings.bool(APPLY_VALUES, true),
                settings.duration(VERIFY_AFTER, DEFAULT_VERIFY_AFTER),
                atMost(READ_TIMEOUT, settings.duration(READ_TIMEOUT, DEFAULT_READ_TIMEOUT), Duration.ofMinutes(10)),
                atMost(IDLE_TIMEOUT, settings.duration(IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT), Duration.ofHours(1)));
    }

    /** Timeouts are enforced in whole milliseconds; anything longer than {@code max} is no timeout for a hostile client. */
    private static Duration atMost(String name, Duration value, Duration max) {
        if (value.compareTo(Duration.ofMillis(1)) < 0 || value.compareTo(max) > 0) {
            throw ScorelineException.badInput(name + " must be from PT0.001S to " + max + ", got " + value);
        }
        return value;
    }

    private static URI baseUrl(String value) {
        try {
            var uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null) {
                throw new URISyntaxException(value, "not an http(s) URL without query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ScorelineException.badInput(
                    PUBLIC_BASE_URL + " must be the http(s) URL HubSpot calls Scoreline at, such as "
                            + "https://scoreline.example.com, got '" + value + "'");
        }
    }
}
