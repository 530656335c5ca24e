package io.scoreline.app.console;

import io.micronaut.core.annotation.Nullable;
import io.scoreline.failure.ScorelineException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A submitted console form ({@code application/x-www-form-urlencoded}). Routes take the body as
 * {@code @Body @Nullable byte[] body} and read it with {@link #parse}; {@link ConsolePageInterceptor}
 * has checked its {@link #CSRF_FIELD} by then.
 */
public record ConsoleForm(Map<String, List<String>> fields) {

    /** The hidden field every form carries ({@code @template.csrf(frame = frame)}). */
    public static final String CSRF_FIELD = "csrf";

    /** More is no console form; refused before parsing. */
    static final int MAX_BYTES = 16 * 1024;

    public static ConsoleForm parse(@Nullable byte[] body) {
        if (body == null || body.length == 0) {
            return new ConsoleForm(Map.of());
        }
        if (body.length > MAX_BYTES) {
            throw ScorelineException.badInput("the form is larger than " + MAX_BYTES + " bytes");
        }
        var fields = new LinkedHashMap<String, List<String>>();
        for (var pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw ScorelineException.badInput("the form is not URL-encoded");
            }
        }
        return new ConsoleForm(Map.copyOf(fields));
    }

    /** The field's value when it was sent exactly once. */
    public Optional<String> value(String name) {
        var values = fields.getOrDefault(name, List.of());
        return values.size() == 1 ? Optional.of(values.getFirst()) : Optional.empty();
    }

    public String required(String name, String label) {
        return value(name)
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> ScorelineException.badInput(label + " is required"));
    }
}
