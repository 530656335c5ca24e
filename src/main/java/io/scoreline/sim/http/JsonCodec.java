package io.scoreline.sim.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one JSON mapper of the simulators; payloads are built as ordered maps and lists, or streamed
 * through {@link #generator} when they are large.
 */
public final class JsonCodec {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);

    private JsonCodec() {}

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For bodies too large to build as maps first. It writes numbers, strings and escapes as
     * {@link #write} does, and its {@code writeObject} goes through the same mapper.
     */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.createGenerator(out, JsonEncoding.UTF8);
    }

    /** @throws IOException when the bytes are not a JSON object */
    public static Map<String, Object> readObject(byte[] json) throws IOException {
        return MAPPER.readValue(json, new TypeReference<>() {});
    }

    public static Object read(byte[] json) throws IOException {
        return MAPPER.readValue(json, Object.class);
    }
}
