package io.scoreline.app.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The time one HTTP/1 connection has to send a whole request: the clock starts at the request's
 * first byte and stops at the end of its body; when it runs out the connection is closed (ADR
 * 0021). An idle timeout alone cannot do this: a client that sends a byte every few seconds is
 * never idle, and held a connection and a request's buffers for minutes (419 s were seen). The
 * time between requests on a kept-alive connection is the idle timeout's, and the time the server
 * takes to answer is nobody's: the clock is stopped once the request is in.
 *
 * <p>Two handlers share the clock: {@link #start} before the HTTP decoder sees the raw bytes,
 * {@link #stop} after it sees the decoded request end. Both run on the connection's event loop.
 */
final class RequestReadDeadline {

    private final Duration timeout;
    private final Consumer<String> expired;
    private ScheduledFuture<?> pending;
    private String uri = "";

    /** @param expired told the request's URI (empty when its headers never arrived) when the time ran out */
    RequestReadDeadline(Duration timeout, Consumer<String> expired) {
        this.timeout = timeout;
        this.expired = expired;
    }

    final ChannelInboundHandlerAdapter start = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (pending == null) {
                pending = ctx.executor().schedule(() -> expire(ctx), timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
        }
    };

    final ChannelInboundHandlerAdapter stop = new ChannelInboundHandlerAdapter() {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                uri = request.uri();
            }
            if (msg instanceof LastHttpContent) {
                cancel();
            }
            ctx.fireChannelRead(msg);
        }
    };

    @SuppressWarnings(
            "FutureReturnValueIgnored") // closing an expired request's channel is best effort: nothing waits for it
    private void expire(ChannelHandlerContext ctx) {
        pending = null;
        if (ctx.channel().isActive()) {
            expired.accept(uri);
            ctx.channel().close();
        }
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        uri = "";
    }
}
