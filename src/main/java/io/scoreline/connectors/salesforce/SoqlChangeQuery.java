package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ScorelineException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The SOQL of an incremental read: only the fields the rules need (plus the keys of the cursor),
 * records modified in the window, in (SystemModstamp, Id) order. Identifiers are validated, not
 * quoted: SOQL has no identifier quoting, so anything but a plain (dotted) name is refused.
 */
final class SoqlChangeQuery {

    static final String MODSTAMP = "SystemModstamp";
    private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SoqlChangeQuery() {
    }

    static String of(ChangeQuery query) {
        var fields = new LinkedHashSet<String>();
        fields.add("Id");
        fields.add(MODSTAMP);
        fields.add("IsDeleted");
        var extra = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        query.fields().forEach(f -> extra.add(identifier(f)));
        extra.removeIf(f -> fields.stream().anyMatch(k -> k.equalsIgnoreCase(f)));
        fields.addAll(extra);
        var soql = new StringBuilder("SELECT ").append(String.join(", ", fields))
                .append(" FROM ").append(identifier(query.objectType()))
                .append(" WHERE ").append(MODSTAMP).append(" >= ").append(literal(query.since()));
        query.until().ifPresent(until -> soql.append(" AND ").append(MODSTAMP).append(" < ").append(literal(until)));
        return soql.append(" ORDER BY ").append(MODSTAMP).append(", Id").toString();
    }

    /** The same window as {@link #of}, counted: {@code SELECT COUNT() FROM …} costs one call whatever the size. */
    static String count(ChangeQuery query) {
        var soql = new StringBuilder("SELECT COUNT() FROM ").append(identifier(query.objectType()))
                .append(" WHERE ").append(MODSTAMP).append(" >= ").append(literal(query.since()));
        query.until().ifPresent(until -> soql.append(" AND ").append(MODSTAMP).append(" < ").append(literal(until)));
        return soql.toString();
    }

    static String literal(Instant instant) {
        return SOQL_DATETIME.format(instant);
    }

    static String identifier(String name) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*")) {
            throw ScorelineException.badInput("not a Salesforce field or object name: '" + name + "'");
        }
        return name.toLowerCase(Locale.ROOT).equals("id") ? "Id" : name;
    }
}
