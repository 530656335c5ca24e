package io.scoreline.pipeline.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MigrationVersionTest {

    @Test
    void versionsCompareByNumberPartByPart() {
        assertThat(MigrationVersion.parse("2")).isLessThan(MigrationVersion.parse("10"));
        assertThat(MigrationVersion.parse("1.1")).isLessThan(MigrationVersion.parse("1.2"));
        assertThat(MigrationVersion.parse("1_10")).isGreaterThan(MigrationVersion.parse("1.9"));
        assertThat(MigrationVersion.parse("1")).isEqualTo(MigrationVersion.parse("1.0"));
        assertThat(MigrationVersion.parse("1").hashCode())
                .isEqualTo(MigrationVersion.parse("1.0").hashCode());
        assertThat(MigrationVersion.parse("1.2")).hasToString("1.2");
    }

    @Test
    void aVersionIsNumbersOnly() {
        assertThatThrownBy(() -> MigrationVersion.parse("1a")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> MigrationVersion.parse("")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void theBuildsMigrationsAreFoundByName() {
        var versions = BundledMigrations.versions(DatabaseMigrator.class.getClassLoader());
        assertThat(versions).isNotEqualTo(Optional.empty());
        assertThat(versions.orElseThrow()).contains(MigrationVersion.parse("1"), MigrationVersion.parse("33"));
    }
}
