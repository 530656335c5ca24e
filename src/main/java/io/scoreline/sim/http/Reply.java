package io.scoreline.sim.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a simulator does with a request: answer it, or keep the client waiting (a timeout fault). */
public sealed interface Reply {

    String JSON = "application/json;charset=UTF-8";

    static Response json(int status, Object body) {
        return new Response(status, Map.of("Content-Type", JSON), JsonCodec.write(body));
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }

    static Response empty(int status) {
        return new Response(status, Map.of(), new byte[0]);
    }

    @SuppressWarnings("ArrayRecordComponent") // a body on its way to the socket; never compared
    record Response(int status, Map<String, String> headers, byte[] body) implements Reply {

        public Response {
            headers = Map.copyOf(headers);
        }

        public Response withHeader(String name, String value) {
            Map<String, String> copy = new LinkedHashMap<>(headers);
            copy.put(name, value);
            return new Response(status, copy, body);
        }

        /** Cuts the body in half: what a client sees when a connection drops mid-response. */
        public Response truncated() {
            return new Response(status, headers, Arrays.copyOf(body, body.length / 2));
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Accept the request and never answer; the connection is dropped after {@code holdFor}. */
    record Silence(Duration holdFor) implements Reply {}
}
