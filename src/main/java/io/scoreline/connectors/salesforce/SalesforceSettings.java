package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.HttpUrlOption;
import io.scoreline.failure.ScorelineException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Salesforce integration's settings, typed: the login URL and the API version. The one place
 * their keys are declared; a missing or bad value is refused with its key.
 */
public record SalesforceSettings(String loginUrl, String apiVersion) {

    public static final String LOGIN_URL = "login_url";
    public static final String API_VERSION = "api_version";
    static final String DEFAULT_LOGIN_URL = "https://login.salesforce.com";
    static final String DEFAULT_API_VERSION = "61.0";

    public SalesforceSettings {
        HttpUrlOption.parse(loginUrl, LOGIN_URL);
        if (!apiVersion.matches("[0-9]{2,3}\\.0")) {
            throw ScorelineException.badInput(API_VERSION + " must be a Salesforce API version such as "
                    + DEFAULT_API_VERSION + ", got '" + apiVersion + "'");
        }
    }

    /** Reads stored settings of integration {@code integrationId}. */
    public static SalesforceSettings from(long integrationId, Map<String, String> settings) {
        return from("integration " + integrationId + " has", settings);
    }

    /** Reads settings not stored yet. */
    public static SalesforceSettings from(Map<String, String> settings) {
        return from("the settings have", settings);
    }

    private static SalesforceSettings from(String owner, Map<String, String> settings) {
        var loginUrl = settings.get(LOGIN_URL);
        if (loginUrl == null) {
            throw ScorelineException.badInput(owner + " no " + LOGIN_URL + " setting");
        }
        return new SalesforceSettings(loginUrl, settings.getOrDefault(API_VERSION, DEFAULT_API_VERSION));
    }

    public Map<String, String> toMap() {
        var map = new LinkedHashMap<String, String>();
        map.put(LOGIN_URL, loginUrl);
        map.put(API_VERSION, apiVersion);
        return map;
    }
}
