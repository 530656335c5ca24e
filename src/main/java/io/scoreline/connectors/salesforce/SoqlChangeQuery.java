package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.failure.ScorelineException;
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
    private static final DateTimeFormatter SOQL_DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private SoqlChangeQuery() {}

    static String of(ChangeQuery query) {
        var soql = new StringBuilder("SELECT ")
                .append(selectList(query.fields()))
                .append(" FROM ")
                .append(identifier(query.objectType()))
                .append(" WHERE ")
                .append(MODSTAMP)
                .append(" >= ")
                .append(literal(query.since()));
        query.until()
                .ifPresent(until ->
                        soql.append(" AND ").append(MODSTAMP).append(" < ").append(literal(until)));
        query.filter().ifPresent(filter -> soql.append(" AND (").append(filter).append(")"));
        return soql.append(" ORDER BY ").append(MODSTAMP).append(", Id").toString();
    }

    /** Named records by id (a webhook re-read); ids are checked, since they are spliced into the SOQL. */
    static String byIds(String objectType, java.util.Set<String> fields, java.util.Collection<String> ids) {
        var quoted = ids.stream()
                .map(SoqlChangeQuery::recordId)
                .map(id -> "'" + id + "'")
                .toList();
        return "SELECT " + selectList(fields) + " FROM " + identifier(objectType) + " WHERE Id IN ("
                + String.join(", ", quoted) + ") ORDER BY " + MODSTAMP + ", Id";
    }

    static String recordId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}")) {
            throw ScorelineException.badInput("not a Salesforce record id: '" + id + "'");
        }
        return id;
    }

    private static String selectList(java.util.Set<String> requested) {
        var fields = new LinkedHashSet<String>();
        fields.add("Id");
        fields.add(MODSTAMP);
        fields.add("IsDeleted");
        var extra = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        requested.forEach(f -> extra.add(identifier(f)));
        extra.removeIf(f -> fields.stream().anyMatch(k -> k.equalsIgnoreCase(f)));
        fields.addAll(extra);
        return String.join(", ", fields);
    }

    /** The same window as {@link #of}, counted: {@code SELECT COUNT() FROM …} costs one call whatever the size. */
    static String count(ChangeQuery query) {
        var soql = new StringBuilder("SELECT COUNT() FROM ")
                .append(identifier(query.objectType()))
                .append(" WHERE ")
                .append(MODSTAMP)
                .append(" >= ")
                .append(literal(query.since()));
        query.until()
                .ifPresent(until ->
                        soql.append(" AND ").append(MODSTAMP).append(" < ").append(literal(until)));
        query.filter().ifPresent(filter -> soql.append(" AND (").append(filter).append(")"));
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
