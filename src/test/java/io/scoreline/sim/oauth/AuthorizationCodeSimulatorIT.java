package io.scoreline.sim.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulators' authorize and consent pages and their authorization-code grants over real HTTP,
 * a JDK client acting as the browser: codes are single-use and bound to the client, the callback
 * URL and (Salesforce) the PKCE challenge; unknown clients and unregistered callbacks get the
 * CRM's error page, never a redirect.
 */
class AuthorizationCodeSimulatorIT {

    private static final HttpClient BROWSER =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final String SF_CALLBACK = "http://localhost:7070/oauth/callback/salesforce";
    private static final String HS_CALLBACK = "http://127.0.0.1:7070/oauth/callback/hubspot";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private static RunningSimulators sims;

    @BeforeAll
    static void start() {
        sims = Simulators.start(SimulatorOptions.defaults().withSeed(5).withVolume(2, 2));
    }

    @AfterAll
    static void stop() {
        sims.close();
    }

    @Test
    void salesforceCodeWithPkceGivesTheRefreshTokenOnceAndOnlyToItsVerifier() throws Exception {
        var sf = sims.salesforce();
        var code = allowSalesforce(SF_CALLBACK, "st-1");

        var wrongVerifier = sfToken(code, SF_CALLBACK, "x".repeat(43));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(json(wrongVerifier).get("error").asText()).isEqualTo("invalid_grant");

        // A code is spent by its first presentation, right or wrong: the right verifier is too late now.
        var spent = sfToken(code, SF_CALLBACK, VERIFIER);
        assertThat(json(spent).get("error_description").asText()).isEqualTo("invalid authorization code");

        var fresh = allowSalesforce(SF_CALLBACK, "st-2");
        var granted = sfToken(fresh, SF_CALLBACK, VERIFIER);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(json(granted).get("refresh_token").asText()).isEqualTo(sf.refreshToken());
        assertThat(json(granted).get("access_token").asText()).isNotBlank();
        assertThat(json(granted).get("id").asText()).contains("/id/" + sf.orgId());

        var replayed = sfToken(fresh, SF_CALLBACK, VERIFIER);
        assertThat(replayed.statusCode()).isEqualTo(400);
        assertThat(json(replayed).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void salesforceRefusesAnotherCallbackAtTheTokenEndpointAndAnUnregisteredOneOnThePage() throws Exception {
        var code = allowSalesforce(SF_CALLBACK, "st-3");
        var mismatch = sfToken(code, "http://localhost:7071/oauth/callback/salesforce", VERIFIER);
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("error").asText()).isEqualTo("redirect_uri_mismatch");

        var evil = get(authorizeUrl(
                sims.salesforce().loginUrl() + "/services/oauth2/authorize",
                Map.of(
                        "response_type", "code",
                        "client_id", sims.salesforce().clientId(),
                        "redirect_uri", "https://evil.example/oauth/callback/salesforce",
                        "state", "s")));
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(evil.headers().firstValue("Location")).isEmpty();
        assertThat(evil.body()).contains("redirect_uri_mismatch");

        var unknownClient = get(authorizeUrl(
                sims.salesforce().loginUrl() + "/services/oauth2/authorize",
                Map.of("response_type", "code", "client_id", "nobody", "redirect_uri", SF_CALLBACK, "state", "s")));
        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.body()).contains("invalid_client_id");
    }

    @Test
    void denyRedirectsWithAccessDeniedAndTheState() throws Exception {
        var page = get(salesforceAuthorize(SF_CALLBACK, "st-deny"));
        var denied = decide(sims.salesforce().loginUrl() + "/services/oauth2/authorize", page.body(), "deny");
        assertThat(denied.statusCode()).isEqualTo(302);
        var location = denied.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(SF_CALLBACK + "?error=access_denied").contains("state=st-deny");
        assertThat(location).doesNotContain("code=");
    }

    @Test
    void hubSpotCodeIsBoundToItsCallbackAndSpentOnce() throws Exception {
        var hs = sims.hubSpot();
        var page = get(authorizeUrl(
                hs.baseUrl() + "/oauth/authorize",
                Map.of(
                        "client_id",
                        hs.clientId(),
                        "redirect_uri",
                        HS_CALLBACK,
                        "scope",
                        "oauth crm.objects.deals.read",
                        "state",
                        "hs-1")));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Allow").contains("Deny");
        var allowed = decide(hs.baseUrl() + "/oauth/authorize", page.body(), "allow");
        var code = parameter(allowed.headers().firstValue("Location").orElseThrow(), "code");

        var mismatch = hsToken(code, "http://127.0.0.1:7071/oauth/callback/hubspot");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(json(mismatch).get("status").asText()).isEqualTo("BAD_REDIRECT_URI");
        assertThat(json(hsToken(code, HS_CALLBACK)).get("status").asText()).isEqualTo("BAD_AUTH_CODE");

        var again = decide(hs.baseUrl() + "/oauth/authorize", page.body(), "allow");
        var fresh = parameter(again.headers().firstValue("Location").orElseThrow(), "code");
        var granted = hsToken(fresh, HS_CALLBACK);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(json(granted).get("refresh_token").asText()).isEqualTo(hs.refreshToken());

        var unknownClient = get(authorizeUrl(
                hs.baseUrl() + "/oauth/authorize",
                Map.of("client_id", "nobody", "redirect_uri", HS_CALLBACK, "scope", "oauth", "state", "s")));
        assertThat(unknownClient.statusCode()).isEqualTo(400);
        assertThat(unknownClient.headers().firstValue("Location")).isEmpty();
    }

    private static String allowSalesforce(String callback, String state) throws Exception {
        var page = get(salesforceAuthorize(callback, state));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(sims.salesforce().username());
        var allowed = decide(sims.salesforce().loginUrl() + "/services/oauth2/authorize", page.body(), "allow");
        assertThat(allowed.statusCode()).isEqualTo(302);
        var location = allowed.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(callback + "?code=").endsWith("&state=" + state);
        return parameter(location, "code");
    }

    private static String salesforceAuthorize(String callback, String state) {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", sims.salesforce().clientId());
        query.put("redirect_uri", callback);
        query.put("state", state);
        query.put("code_challenge", AuthorizationCodes.s256(VERIFIER));
        query.put("code_challenge_method", "S256");
        return authorizeUrl(sims.salesforce().loginUrl() + "/services/oauth2/authorize", query);
    }

    private static HttpResponse<String> sfToken(String code, String callback, String verifier) throws Exception {
        var sf = sims.salesforce();
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", callback);
        form.put("client_id", sf.clientId());
        form.put("client_secret", sf.clientSecret());
        form.put("code_verifier", verifier);
        return post(sf.loginUrl() + "/services/oauth2/token", form);
    }

    private static HttpResponse<String> hsToken(String code, String callback) throws Exception {
        var hs = sims.hubSpot();
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", hs.clientId());
        form.put("client_secret", hs.clientSecret());
        form.put("redirect_uri", callback);
        form.put("code", code);
        return post(hs.baseUrl() + "/oauth/v1/token", form);
    }

    /** Posts the consent page's hidden fields back with the decision, as the browser's form would. */
    private static HttpResponse<String> decide(String action, String page, String decision) throws Exception {
        var form = new LinkedHashMap<String, String>();
        var matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            form.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        form.put("decision", decision);
        return post(action, form);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String authorizeUrl(String page, Map<String, String> query) {
        return page + "?" + encode(query);
    }

    private static String encode(Map<String, String> fields) {
        var joined = new StringJoiner("&");
        fields.forEach((k, v) -> joined.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    private static String parameter(String url, String name) {
        for (var pair : URI.create(url).getRawQuery().split("&")) {
            var eq = pair.indexOf('=');
            if (pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return BROWSER.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        return BROWSER.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
