package io.scoreline.sim.salesforce;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Streams one query page straight into bytes, row by row. Query pages are the simulator's bulk of work
 * (2,000 rows each during a backfill, on the cores the system under test needs), so rows are not built
 * as maps first; the bytes are still what Jackson wrote for those maps: {@code attributes} first,
 * members in SELECT order, a missing parent as {@code null}, values written as the mapper writes them.
 */
final class QueryPageWriter {

    private static final SerializableString TOTAL_SIZE = new SerializedString("totalSize");
    private static final SerializableString DONE = new SerializedString("done");
    private static final SerializableString NEXT_RECORDS_URL = new SerializedString("nextRecordsUrl");
    private static final SerializableString RECORDS = new SerializedString("records");
    private static final SerializableString ATTRIBUTES = new SerializedString("attributes");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString URL = new SerializedString("url");
    /** A typical Task row with a parent; a close guess saves regrowing the buffer. */
    private static final int BYTES_PER_ROW = 700;

    private final ByteArrayBuilder bytes;
    private final JsonGenerator json;
    private final SelectedColumns columns;
    private final Function<String, Optional<SalesforceRow>> parents;
    private final String sobjectsPath;
    private final SerializableString[] names;
    private char[] text = new char[DateTimeText.MAX_LENGTH + 40];

    /**
     * Writes the page's opening members; rows follow through {@link #row}.
     *
     * @param next the locator of the next page, or null on the last one
     * @param parents finds a parent row by id, for relationship fields
     */
    QueryPageWriter(
            long totalSize,
            boolean done,
            String next,
            int expectedRows,
            String version,
            SelectedColumns columns,
            Function<String, Optional<SalesforceRow>> parents) {
        this.bytes = new ByteArrayBuilder(Math.max(64, expectedRows * BYTES_PER_ROW));
        this.columns = columns;
        this.parents = parents;
        this.sobjectsPath = "/services/data/v" + version + "/sobjects/";
        this.names = columns.columns().stream()
                .map(column -> new SerializedString(
                        switch (column) {
                            case SelectedColumns.Field field -> field.name();
                            case SelectedColumns.Parent parent ->
                                parent.lookup().relationshipName();
                        }))
                .toArray(SerializableString[]::new);
        try {
            this.json = JsonCodec.generator(bytes);
            json.writeStartObject();
            json.writeFieldName(TOTAL_SIZE);
            json.writeNumber(totalSize);
            json.writeFieldName(DONE);
            json.writeBoolean(done);
            if (next != null) {
                json.writeFieldName(NEXT_RECORDS_URL);
                json.writeString(next);
            }
            json.writeFieldName(RECORDS);
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The answer to {@code SELECT COUNT()}: a total and no records. */
    static Reply.Response count(long total) {
        return new QueryPageWriter(total, true, null, 0, "", new SelectedColumns(List.of()), id -> Optional.empty())
                .finish();
    }

    void row(SalesforceRow row) {
        try {
            json.writeStartObject();
            attributes(row);
            List<SelectedColumns.Column> all = columns.columns();
            for (int i = 0; i < all.size(); i++) {
                json.writeFieldName(names[i]);
                switch (all.get(i)) {
                    case SelectedColumns.Field field -> value(row.value(field.name()));
                    case SelectedColumns.Parent parent -> parent(row, parent);
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply.Response finish() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply.Response(200, Map.of("Content-Type", Reply.JSON), bytes.toByteArray());
    }

    private void parent(SalesforceRow row, SelectedColumns.Parent column) throws IOException {
        String parentId = (String) row.value(column.lookup().name());
        Optional<SalesforceRow> parent = parentId == null ? Optional.empty() : parents.apply(parentId);
        if (parent.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        attributes(parent.get());
        for (String name : column.fieldsOn(parent.get().type())) {
            json.writeFieldName(name);
            value(parent.get().value(name));
        }
        json.writeEndObject();
    }

    private void attributes(SalesforceRow row) throws IOException {
        json.writeFieldName(ATTRIBUTES);
        json.writeStartObject();
        json.writeFieldName(TYPE);
        json.writeString(row.type().name());
        json.writeFieldName(URL);
        int length = 0;
        length = append(sobjectsPath, length);
        length = append(row.type().name(), length);
        length = append("/", length);
        length = append(row.id(), length);
        json.writeString(text, 0, length);
        json.writeEndObject();
    }

    /** Every type {@link SalesforceRow} holds, written as the mapper writes it; anything else goes to the mapper. */
    private void value(Object raw) throws IOException {
        switch (raw) {
            case null -> json.writeNull();
            case String string -> json.writeString(string);
            case Boolean bool -> json.writeBoolean(bool);
            case Integer number -> json.writeNumber(number.intValue());
            case Long number -> json.writeNumber(number.longValue());
            case BigDecimal number -> json.writeNumber(number);
            case Double number -> json.writeNumber(number.doubleValue());
            case Instant instant -> json.writeString(text, 0, DateTimeText.dateTime(instant, text));
            case LocalDate date -> json.writeString(text, 0, DateTimeText.date(date, text));
            default -> json.writeObject(raw);
        }
    }

    private int append(String part, int at) {
        int end = at + part.length();
        if (end > text.length) {
            text = Arrays.copyOf(text, Math.max(end, text.length * 2));
        }
        part.getChars(0, part.length(), text, at);
        return end;
    }
}
