package io.scoreline.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.tenancy.OrganizationSetup;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two contexts of ADR 0054: the whole application for the commands that listen, the same
 * without its HTTP side for the others. Neither starts the database: beans are looked up, not made.
 */
class ScorelineApplicationIT {

    @TempDir
    Path home;

    @Test
    void theWholeApplicationHasItsHttpSide() {
        try (ApplicationContext context = ScorelineApplication.start(config())) {
            assertThat(context.containsBean(EmbeddedServer.class)).isTrue();
            assertThat(context.containsBean(OrganizationSetup.class)).isTrue();
        }
    }

    @Test
    void aCommandsContextHasEverythingButTheHttpSide() {
        try (ApplicationContext context = ScorelineApplication.startWithoutHttp(config())) {
            assertThat(context.containsBean(EmbeddedServer.class)).isFalse();
            assertThat(context.getBeanDefinitions(Object.class))
                    .noneMatch(bean -> bean.getBeanType().getName().startsWith("io.scoreline.app.http."));
            assertThat(context.containsBean(OrganizationSetup.class)).isTrue();
            assertThat(context.containsBean(DatabaseRuntime.class)).isTrue();
        }
    }

    @Test
    void theHttpSideIsMatchedByPackage() {
        assertThat(ScorelineApplication.outsideHttpSide("io.micronaut.http.server.netty.$NettyHttpServer$Definition"))
                .isFalse();
        assertThat(ScorelineApplication.outsideHttpSide("io.scoreline.app.http.api.$TeamController$Definition"))
                .isFalse();
        assertThat(ScorelineApplication.outsideHttpSide("io.scoreline.app.wiring.$ScorelineFactory$Definition"))
                .isTrue();
        assertThat(ScorelineApplication.outsideHttpSide("io.micronaut.serde.support.$DefaultSerdeRegistry$Definition"))
                .isTrue();
    }

    private ScorelineConfig config() {
        return ScorelineConfig.resolve(Map.of("SCORELINE_HOME", home.toString()), CliOverrides.none());
    }
}
