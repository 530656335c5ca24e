package io.scoreline.app.background;

import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.runtime.server.EmbeddedServer;

/** The first step of a stop (ADR 0023): no new requests, while the context and its database stay open. */
public final class HttpIntake {

    private HttpIntake() {}

    /** {@link EmbeddedServer#stop()} would close the whole context, in its own order and without a bound. */
    public static void stop(EmbeddedServer server) {
        if (server instanceof NettyEmbeddedServer netty) {
            netty.stopServerOnly();
        } else {
            server.stop();
        }
    }
}
