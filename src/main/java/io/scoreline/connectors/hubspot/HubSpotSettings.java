package io.scoreline.connectors.hubspot;

import io.scoreline.failure.ScorelineException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A HubSpot integration's settings, typed: the API base URL and the portal (hub) id its webhooks
 * are routed by. The one place their keys are declared; a bad value is refused with its key.
 */
public record HubSpotSettings(URI baseUrl, OptionalLong portalId) {

    public static final String BASE_URL = "base_url";
    public static final String PORTAL_ID = "portal_id";
    static final String DEFAULT_BASE_URL = "https://api.hubapi.com";

    /** Reads stored settings; a missing base URL is HubSpot's own. */
    public static HubSpotSettings from(Map<String, String> settings) {
        return new HubSpotSettings(
                baseUrl(settings.getOrDefault(BASE_URL, DEFAULT_BASE_URL)), portalId(settings.get(PORTAL_ID)));
    }

    public Map<String, String> toMap() {
        var map = new LinkedHashMap<String, String>();
        map.put(BASE_URL, baseUrl.toString());
        portalId.ifPresent(id -> map.put(PORTAL_ID, Long.toString(id)));
        return map;
    }

    private static URI baseUrl(String value) {
        var text = value.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            var uri = URI.create(text);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ScorelineException.badInput(BASE_URL + " must be an http(s) URL, got '" + value + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ScorelineException.badInput(BASE_URL + " is not a valid URL: '" + value + "'");
        }
    }

    private static OptionalLong portalId(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ScorelineException.badInput(
                    PORTAL_ID + " must be the numeric HubSpot portal id, got '" + value + "'");
        }
    }
}
