package io.scoreline.app.http.api;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.app.config.ApiSettings;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.testing.ApiClient;
import io.scoreline.testing.CliRun;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notification feed and mark read against the real server and database (ADR 0040): a poller
 * that follows {@code next} sees every notification once, also when an earlier id commits late
 * and while writers run; mark read is idempotent and all or none; bad input, other organizations'
 * ids and read keys on writes; the feed against {@code notifications --json}.
 */
class NotificationsApiIT {

    private static DatabaseEndpoint database;
    private static ScorelineServer server;
    private static String readKey;
    private static String writeKey;
    private static long writeKeyId;
    private static long acmeId;
    private static long globexId;
    private static long globexProfile;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        // The poller follows a few hundred pages with one key: far above the default rate.
        server = ScorelineServer.start(
                database, Map.of(ApiSettings.RATE_LIMIT, "100000", ApiSettings.RATE_BURST, "100000"));
        acmeId = lastJson(cli(
                        "org", "create", "--slug", "acme", "--name", "Acme", "--timezone", "Europe/Berlin", "--json"))
                .get("id")
                .asLong();
        globexId = lastJson(cli(
                        "org",
                        "create",
                        "--slug",
                        "globex",
                        "--name",
                        "Globex",
                        "--timezone",
                        "America/New_York",
                        "--json"))
                .get("id")
                .asLong();
        readKey = lastJson(cli("apikey", "create", "--org", "acme", "--name", "app", "--scopes", "read", "--json"))
                .get("key")
                .asText();
        var write = lastJson(cli("apikey", "create", "--org", "acme", "--name", "ui", "--scopes", "write", "--json"));
        writeKey = write.get("key").asText();
        writeKeyId = write.get("id").asLong();
        globexProfile = profile("globex", "gus@globex.example");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEarlierIdThatCommitsLateIsNotSkipped() throws Exception {
        long ana = profile("acme", "ana.late@acme.example");
        var cursor = drain(readKey, "profile_id=" + ana, null, 50).next();
        var inserted = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        long[] lateId = new long[1];
        long earlyId;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var late = executor.submit(() -> transactions().inOrganization(acmeId, tx -> {
                notifications().create(tx, acmeId, ana, NotificationKind.BADGE_EARNED, "late:1", "{\"n\":1}");
                lateId[0] = tx.fetchOne("select max(id) from notifications").get(0, Long.class);
                inserted.countDown();
                awaitLatch(release);
                return null;
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            earlyId = write(ana, "late:2");
            assertThat(earlyId).as("the open transaction took the smaller id").isGreaterThan(lateId[0]);

            var whileOpen = page(readKey, "profile_id=" + ana, cursor, 50);
            assertThat(whileOpen.ids())
                    .as("a row committed behind a transaction still running waits for it")
                    .doesNotContain(earlyId, lateId[0]);
            assertThat(whileOpen.next()).isEqualTo(cursor);

            release.countDown();
            late.get(30, TimeUnit.SECONDS);
        }
        var seen = new ArrayList<Long>();
        var position = new String[] {cursor};
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var next = page(readKey, "profile_id=" + ana, position[0], 50);
            seen.addAll(next.ids());
            position[0] = next.next();
            assertThat(seen).as("in commit order of the writing transactions").containsExactly(lateId[0], earlyId);
        });
    }

    @Test
    void aPollerFollowingNextSeesEveryNotificationOnceWhileWritersRun() throws Exception {
        var people = new ArrayList<Long>();
        for (int i = 0; i < 4; i++) {
            people.add(profile("acme", "writer" + i + "@acme.example"));
        }
        var before = drain(readKey, null, null, 500).next();
        var writing = new AtomicBoolean(true);
        var seen = new ArrayList<Long>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var writers = new ArrayList<CompletableFuture<Void>>();
            for (int w = 0; w < people.size(); w++) {
                long person = people.get(w);
                int writer = w;
                writers.add(CompletableFuture.runAsync(
                        () -> {
                            for (int n = 0; n < 30; n++) {
                                int number = n;
                                // Two rows a transaction, so some transactions are open while others commit.
                                transactions().inOrganization(acmeId, tx -> {
                                    notifications()
                                            .create(
                                                    tx,
                                                    acmeId,
                                                    person,
                                                    NotificationKind.TOOK_LEAD,
                                                    "w" + writer + ":" + number + ":a",
                                                    "{}");
                                    notifications()
                                            .create(
                                                    tx,
                                                    acmeId,
                                                    person,
                                                    NotificationKind.ENTERED_TOP3,
                                                    "w" + writer + ":" + number + ":b",
                                                    "{}");
                                    return null;
                                });
                            }
                        },
                        executor));
            }
            var allWritten = CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> writing.set(false));
            String cursor = before;
            while (writing.get()) {
                var page = page(readKey, null, cursor, 7);
                seen.addAll(page.ids());
                cursor = page.next();
            }
            allWritten.get(60, TimeUnit.SECONDS);
            var position = new String[] {cursor};
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var page = page(readKey, null, position[0], 7);
                seen.addAll(page.ids());
                position[0] = page.next();
                assertThat(seen).hasSizeGreaterThanOrEqualTo(240);
                assertThat(page.ids()).isEmpty();
            });
        }
        var written = transactions()
                .inOrganization(
                        acmeId,
                        tx -> tx.select(NOTIFICATIONS.ID)
                                .from(NOTIFICATIONS)
                                .where(NOTIFICATIONS.DEDUPE_KEY.like("w%:%:%"))
                                .fetch(NOTIFICATIONS.ID));
        assertThat(written).hasSize(240);
        assertThat(seen).as("each once").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void markReadIsIdempotentAllOrNoneAndAudited() throws Exception {
        long ben = profile("acme", "ben.read@acme.example");
        long first = write(ben, "read:1");
        long second = write(ben, "read:2");
        long third = write(ben, "read:3");
        var globexNotification = transactions().inOrganization(globexId, tx -> {
            notifications().create(tx, globexId, globexProfile, NotificationKind.CONTEST_WON, "globex:read", "{}");
            return tx.fetchOne("select max(id) from notifications").get(0, Long.class);
        });

        var one = send("POST", "/api/v1/notifications/" + first + "/read", null, writeKey);
        assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
        var readAt = ApiClient.json(one.body()).get("read_at").asText();
        assertThat(readAt).isNotEqualTo("null");
        var again = send("POST", "/api/v1/notifications/" + first + "/read", null, writeKey);
        assertThat(ApiClient.json(again.body()).get("read_at").asText())
                .as("the first read time stays")
                .isEqualTo(readAt);

        var mixed = send(
                "POST",
                "/api/v1/notifications/read",
                "{\"ids\":[" + second + "," + globexNotification + "]}",
                writeKey);
        assertError(mixed, 404, "not_found", null);
        var many = send("POST", "/api/v1/notifications/read", "{\"ids\":[" + first + "," + second + "]}", writeKey);
        assertThat(many.statusCode()).as(many.body()).isEqualTo(200);
        var marked = ApiClient.json(many.body());
        assertThat(marked).hasSize(2);
        assertThat(marked.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(marked.get(0).get("read_at").asText()).isEqualTo(readAt);
        assertThat(marked.get(1).get("read_at").isNull()).isFalse();

        var unread = drain(readKey, "profile_id=" + ben + "&unread=true", null, 50);
        assertThat(unread.ids()).containsExactly(third);
        var all = drain(readKey, "profile_id=" + ben, null, 50);
        assertThat(all.ids()).containsExactly(first, second, third);

        assertThat(send("POST", "/api/v1/notifications/" + globexNotification + "/read", null, writeKey)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/notifications/" + third + "/read", null, readKey)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/v1/notifications/read", "{\"ids\":[" + third + "]}", readKey)
                        .statusCode())
                .isEqualTo(403);
        assertThat(drain(readKey, "profile_id=" + ben + "&unread=true", null, 50)
                        .ids())
                .as("refused writes marked nothing")
                .containsExactly(third);

        var audit = transactions()
                .inOrganization(
                        acmeId,
                        tx -> tx.select(AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.TARGET, AUDIT_LOG.DETAILS)
                                .from(AUDIT_LOG)
                                .where(AUDIT_LOG.ACTION.eq("notification.read"))
                                .orderBy(AUDIT_LOG.ID)
                                .fetch(r -> r.value1() + " " + r.value3() + " "
                                        + r.value4().data()));
        assertThat(audit)
                .containsSubsequence(
                        "api_key:" + writeKeyId + " notification:" + first + " {\"ids\": [" + first + "]}",
                        "api_key:" + writeKeyId + " notifications {\"ids\": [" + first + ", " + second + "]}");
        assertThat(audit).noneMatch(line -> line.contains(Long.toString(globexNotification)));
    }

    @Test
    void badInputNamesTheParameterOrField() throws Exception {
        assertError(get("/api/v1/notifications?after=bm90LWEtY3Vyc29y", readKey), 422, "invalid_input", "after");
        assertError(get("/api/v1/notifications?after=not*a*cursor", readKey), 422, "invalid_input", "after");
        assertError(get("/api/v1/notifications?limit=0", readKey), 422, "invalid_input", "limit");
        assertError(get("/api/v1/notifications?limit=501", readKey), 422, "invalid_input", "limit");
        assertError(get("/api/v1/notifications?limit=ten", readKey), 422, "invalid_input", "limit");
        assertError(get("/api/v1/notifications?profile_id=ana", readKey), 422, "invalid_input", "profile_id");
        assertError(get("/api/v1/notifications?unread=maybe", readKey), 422, "invalid_input", "unread");
        assertError(get("/api/v1/notifications?profile_id=" + globexProfile, readKey), 404, "not_found", null);

        assertError(send("POST", "/api/v1/notifications/read", "{\"ids\": ", writeKey), 400, "invalid_json", null);
        assertError(
                send("POST", "/api/v1/notifications/read", "{\"ids\":[1],\"all\":true}", writeKey),
                422,
                "unknown_field",
                "all");
        assertError(send("POST", "/api/v1/notifications/read", "{}", writeKey), 422, "missing_field", "ids");
        assertError(send("POST", "/api/v1/notifications/read", "{\"ids\":[]}", writeKey), 422, "invalid_input", "ids");
        assertError(
                send("POST", "/api/v1/notifications/read", "{\"ids\":[\"1\"]}", writeKey), 422, "invalid_input", "ids");
        assertError(
                send("POST", "/api/v1/notifications/read", "{\"ids\":[-1]}", writeKey), 422, "invalid_input", "ids");
        assertThat(send("POST", "/api/v1/notifications/abc/read", null, writeKey)
                        .statusCode())
                .isBetween(400, 422);
        assertThat(send("GET", "/api/v1/notifications", null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void theFeedOfAPersonIsWhatTheCliLists() throws Exception {
        long cleo = profile("acme", "cleo@acme.example");
        write(cleo, "cli:1");
        write(cleo, "cli:2");
        transactions()
                .inOrganization(
                        acmeId,
                        tx -> notifications()
                                .create(
                                        tx,
                                        acmeId,
                                        cleo,
                                        NotificationKind.TARGET_REACHED,
                                        "cli:3",
                                        "{\"kpi\":\"calls\",\"target\":40,\"nested\":{\"a\":[1,2]}}"));
        var byCli = new HashMap<String, JsonNode>();
        for (var line : cli("notifications", "--org", "acme", "--profile", "cleo@acme.example", "--json")
                .outLines()) {
            var node = ApiClient.json(line);
            byCli.put(node.get("dedupe_key").asText(), node);
        }
        var byApi = new HashMap<String, JsonNode>();
        for (var item : drain(readKey, "profile_id=" + cleo, null, 2).items()) {
            byApi.put(item.get("dedupe_key").asText(), item);
        }
        assertThat(byApi.keySet())
                .containsExactlyInAnyOrder("cli:1", "cli:2", "cli:3")
                .isEqualTo(byCli.keySet());
        for (var key : byCli.keySet()) {
            var cli = byCli.get(key);
            var api = byApi.get(key);
            var names = new HashSet<String>();
            cli.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyInAnyOrder("profile", "kind", "dedupe_key", "created_at", "payload");
            for (var name : names) {
                assertThat(api.get(name)).as(key + " " + name).isEqualTo(cli.get(name));
            }
            assertThat(api.get("profile_id").asLong()).isEqualTo(cleo);
        }
    }

    /** A page as the test reads it. */
    private record Page(List<JsonNode> items, String next) {
        List<Long> ids() {
            return items.stream().map(i -> i.get("id").asLong()).toList();
        }
    }

    private static Page page(String key, String filter, String after, int limit) throws Exception {
        var query = new StringBuilder("/api/v1/notifications?limit=" + limit);
        if (filter != null) {
            query.append('&').append(filter);
        }
        if (after != null) {
            query.append("&after=").append(URLEncoder.encode(after, StandardCharsets.UTF_8));
        }
        var response = get(query.toString(), key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = ApiClient.json(response.body());
        var items = new ArrayList<JsonNode>();
        body.get("items").forEach(items::add);
        assertThat(body.get("next").isTextual())
                .as("next is never null: " + body)
                .isTrue();
        return new Page(items, body.get("next").asText());
    }

    /** Follows {@code next} until a page comes back empty; every item seen, and the last cursor. */
    private static Page drain(String key, String filter, String after, int limit) throws Exception {
        var items = new ArrayList<JsonNode>();
        var cursor = after;
        while (true) {
            var page = page(key, filter, cursor, limit);
            if (page.items().isEmpty()) {
                return new Page(items, page.next());
            }
            items.addAll(page.items());
            cursor = page.next();
        }
    }

    private static long write(long profileId, String dedupeKey) {
        return transactions().inOrganization(acmeId, tx -> {
            notifications()
                    .create(tx, acmeId, profileId, NotificationKind.BADGE_EARNED, dedupeKey, "{\"badge\":\"x\"}");
            return tx.select(NOTIFICATIONS.ID)
                    .from(NOTIFICATIONS)
                    .where(NOTIFICATIONS.DEDUPE_KEY.eq(dedupeKey))
                    .fetchSingle(NOTIFICATIONS.ID);
        });
    }

    private static long profile(String org, String email) throws Exception {
        return lastJson(cli("profile", "create", "--org", org, "--email", email, "--json"))
                .get("id")
                .asLong();
    }

    private static TenantTransactions transactions() {
        return server.bean(TenantTransactions.class);
    }

    private static NotificationStore notifications() {
        return server.bean(NotificationStore.class);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String code, String field) {
        var error = ApiClient.assertProblem(response, status, field);
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
    }

    private static CliRun cli(String... args) {
        return CliRun.succeeded(server.environment(), args);
    }

    private static JsonNode lastJson(CliRun run) {
        return run.lastJson();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        return send("GET", path, null, key);
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) {
        return new ApiClient(server).send(method, path, body, key);
    }
}
