package io.scoreline.pipeline.facts;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * A record's fields as the UTF-8 JSON the raw upsert stores, written member by member. The value
 * types the connectors produce (text, numbers, booleans, null, nested objects for relationship
 * fields) go straight to the generator; anything else is written by Jackson's own serializers. The
 * bytes are what {@code ObjectMapper.writeValueAsBytes} gives for the same map, without its
 * per-value serializer lookups (8 % of the pipeline JVM's samples in a JFR of a 1M backfill). One instance
 * per page: it reuses its buffer, so it is not for sharing between threads.
 */
final class FieldsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(1_024);

    byte[] utf8(Map<String, Object> fields) {
        buffer.reset();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(buffer)) {
            write(generator, fields);
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "a CRM record's fields cannot be stored as JSON: " + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Boolean bool -> generator.writeBoolean(bool);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case BigDecimal number -> generator.writeNumber(number);
            case BigInteger number -> generator.writeNumber(number);
            case Map<?, ?> object -> {
                generator.writeStartObject();
                for (Map.Entry<?, ?> member : object.entrySet()) {
                    generator.writeFieldName(String.valueOf(member.getKey()));
                    write(generator, member.getValue());
                }
                generator.writeEndObject();
            }
            default -> JSON.writeValue(generator, value);
        }
    }
}
