package io.scoreline.mappings;

/**
 * Writes a fact as the one-line JSON object {@code mapping test} prints (DESIGN §10):
 * {@code {"kpi","object","record_id","owner","date","value"}}. Written by hand because this
 * package may not depend on a JSON library.
 */
public final class FactJson {

    private FactJson() {
    }

    public static String line(Fact fact) {
        return "{\"kpi\":" + string(fact.kpi())
                + ",\"object\":" + string(fact.objectType())
                + ",\"record_id\":" + string(fact.recordId())
                + ",\"owner\":" + (fact.owner() == null ? "null" : string(fact.owner()))
                + ",\"date\":" + string(fact.date().toString())
                + ",\"value\":" + fact.value().toPlainString() + "}";
    }

    private static String string(String value) {
        var out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
