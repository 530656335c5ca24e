package io.scoreline.mappings.eval;

import java.util.Map;

/**
 * Reads one field of a record as the CRM sent it. Lookup tries the canonical spelling first
 * (the usual case, one hash lookup) and falls back to a case-insensitive scan, because field
 * names are case-insensitive in the rule language. Dotted paths such as {@code Owner.Email}
 * are read as a flat key first and then through nested maps, which is how relationship
 * fields arrive in Salesforce JSON.
 */
public final class FieldReader {

    private final String path;
    private final String[] segments;

    public FieldReader(String path) {
        this.path = path;
        this.segments = path.split("\\.");
    }

    public String path() {
        return path;
    }

    public Object read(Map<String, Object> fields) {
        var value = lookup(fields, path);
        if (value != null || segments.length == 1) {
            return value;
        }
        Object current = fields;
        for (var segment : segments) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = lookup(map, segment);
        }
        return current;
    }

    private static Object lookup(Map<?, ?> map, String name) {
        var value = map.get(name);
        if (value != null || map.containsKey(name)) {
            return value;
        }
        for (var entry : map.entrySet()) {
            if (entry.getKey() instanceof String key && key.equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
