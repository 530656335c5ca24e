package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.scoreline.app.config.ScorelineConfig;
import jakarta.inject.Singleton;

/**
 * Puts a {@link RequestReadDeadline} on every HTTP/1 connection of the server, with
 * {@code SCORELINE_HTTP_READ_TIMEOUT}; an expiry on a webhook path is counted in
 * {@code scoreline_webhook_rejected_total} as a 408. Registered when the server's customizer
 * registry is made, so commands that serve nothing create none of it.
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
final class RequestReadDeadlines implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    /** Names of the HTTP/1 pipeline's handlers (Micronaut's HttpPipelineBuilder). */
    private static final String DECODER = "http-server-codec";

    private final ScorelineConfig config;
    private final WebhookMetrics metrics;

    RequestReadDeadlines(ScorelineConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.metrics = new WebhookMetrics(registry);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new OnConnection(channel) : this;
            }
        });
        return event.getBean();
    }

    private final class OnConnection implements NettyServerCustomizer {
        private final Channel channel;

        OnConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel child, ChannelRole role) {
            return this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            var pipeline = channel.pipeline();
            if (pipeline.get(DECODER) == null || pipeline.get(RequestReadDeadline.class.getName() + ".start") != null) {
                return;
            }
            var deadline = new RequestReadDeadline(config.webhooks().readTimeout(), metrics::readTimedOut);
            pipeline.addBefore(DECODER, RequestReadDeadline.class.getName() + ".start", deadline.start);
            pipeline.addAfter(DECODER, RequestReadDeadline.class.getName() + ".stop", deadline.stop);
        }
    }
}
