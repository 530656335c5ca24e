package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's settings table lists exactly the settings the code reads
 * ({@link ScorelineSettings#all}), each once, with the default the code applies.
 */
class ConfigurationDocumentationTest {

    private static final Path DOCUMENT = Path.of("docs/configuration.md");
    private static final Pattern SETTING_NAME = Pattern.compile("`(SCORELINE_[A-Z0-9_]+)`");

    @Test
    void theTableListsEverySettingTheCodeReadsWithItsDefault() throws IOException {
        var read = new LinkedHashMap<String, String>();
        for (var setting : ScorelineSettings.all()) {
            read.put(setting.name(), setting.defaultValue());
        }

        assertThat(documented(Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8)))
                .isEqualTo(read);
    }

    @Test
    void theCodeReadsTheSettingsItNamesAndDescribesEveryDefault() {
        var all = ScorelineSettings.all();
        // A few that only a conditional branch used to read: they must be in the list all the same.
        assertThat(all)
                .extracting(Setting::name)
                .contains(
                        ScorelineConfig.DB_USER,
                        ScorelineConfig.DB_PASSWORD,
                        ScorelineConfig.HTTP_PORT,
                        ShutdownSettings.SHUTDOWN_GRACE,
                        NewMasterKey.ENVIRONMENT,
                        WebhookSettings.IDLE_TIMEOUT);
        assertThat(all)
                .extracting(Setting::name)
                .doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("SCORELINE_"));
        assertThat(all)
                .filteredOn(s -> s.name().equals(ScorelineConfig.RETENTION_RUNS))
                .extracting(Setting::defaultValue)
                .containsExactly("P90D");
        assertThat(all)
                .filteredOn(s -> s.name().equals(WebhookSettings.INBOX_WRITERS))
                .extracting(Setting::defaultValue)
                .containsExactly("half the cores");
    }

    /** Setting name → default, from the first table whose header starts with "| Setting |". */
    private static Map<String, String> documented(List<String> lines) {
        var rows = new LinkedHashMap<String, String>();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| Setting |")) {
                header = i;
                break;
            }
        }
        assertThat(header)
                .as("a table headed '| Setting | Default | Meaning |' in " + DOCUMENT)
                .isNotNegative();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            var cells = lines.get(i).split("\\|", -1);
            assertThat(cells.length).as("columns of: " + lines.get(i)).isGreaterThanOrEqualTo(4);
            var names = SETTING_NAME
                    .matcher(cells[1])
                    .results()
                    .map(m -> m.group(1))
                    .toList();
            assertThat(names).as("one setting per row: " + lines.get(i)).hasSize(1);
            var previous = rows.put(names.getFirst(), cells[2].replace("`", "").strip());
            assertThat(previous).as(names.getFirst() + " listed twice").isNull();
        }
        return rows;
    }
}
