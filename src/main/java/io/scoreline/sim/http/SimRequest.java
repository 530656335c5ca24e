package io.scoreline.sim.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as the simulators see it: already read, header names lower-cased. */
@SuppressWarnings("ArrayRecordComponent") // a body read off the socket; never compared
public record SimRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body) {

    public SimRequest {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lower);
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Map<String, List<String>> query() {
        return decodeForm(rawQuery);
    }

    public Optional<String> queryParam(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as {@code application/x-www-form-urlencoded} fields, first value per name. */
    public Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        decodeForm(bodyText()).forEach((name, values) -> fields.put(name, values.getFirst()));
        return fields;
    }

    private static Map<String, List<String>> decodeForm(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
