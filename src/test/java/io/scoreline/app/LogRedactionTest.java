package io.scoreline.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The product's log configuration (not the tests') masks the secret of a Salesforce webhook path,
 * in a message and in a stack trace, whatever logs it: a library that logs request paths at some
 * level cannot leak an endpoint secret (ADR 0020).
 */
class LogRedactionTest {

    private static final String SECRET = "q9K2vX_7mB-4zT1wYc8LpR3nJ6hF0dS5aE2uG7iO1kM";

    @Test
    void theProductLogPatternMasksTheSecretOfASalesforceWebhookPath() throws Exception {
        var context = new LoggerContext();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(Path.of("src/main/resources/logback.xml").toFile());
        var appender = (OutputStreamAppender<?>)
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        var encoder = (PatternLayoutEncoder) appender.getEncoder();

        var logger = context.getLogger("io.micronaut.http.server.RouteExecutor");
        var event = new LoggingEvent(
                LogRedactionTest.class.getName(),
                logger,
                Level.ERROR,
                "Unexpected error for POST /webhooks/salesforce/42/" + SECRET + " from 10.0.0.1",
                new IllegalStateException("while routing /webhooks/salesforce/42/" + SECRET + "?x=1"),
                null);
        var line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line)
                .doesNotContain(SECRET)
                .contains("POST /webhooks/salesforce/42/*** from 10.0.0.1")
                .contains("IllegalStateException: while routing /webhooks/salesforce/42/***?x=1")
                .contains("at io.scoreline");
        context.stop();
    }
}
