package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.CliRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Every command and command group answers {@code -h} and {@code --help} with its usage and
 * examples. The commands are found by walking the real command tree, so a command added later
 * is covered without touching this test; its examples are parsed as real command lines.
 */
class CliHelpTest {

    static Stream<String> commands() {
        var names = new ArrayList<String>();
        collect(ScorelineCommand.commandLine(Map.of()), names);
        return names.stream();
    }

    private static void collect(CommandLine command, List<String> names) {
        names.add(command.getCommandSpec().qualifiedName());
        command.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandAnswersLongAndShortHelpWithUsageAndExamples(String qualifiedName) {
        for (var flag : List.of("--help", "-h")) {
            var run = CliRun.run(Map.of(), args(qualifiedName, flag));
            assertThat(run.exitCode())
                    .as(qualifiedName + " " + flag + ": " + run.err())
                    .isZero();
            assertThat(run.err()).as(qualifiedName + " " + flag).isEmpty();
            assertThat(run.out())
                    .as(qualifiedName + " " + flag)
                    .startsWith("Usage: " + qualifiedName)
                    .contains("-h, --help")
                    .contains("Examples:")
                    .contains("  " + qualifiedName);
        }
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyExampleIsACommandLineOfItsCommand(String qualifiedName) {
        var examples = examples(spec(qualifiedName));
        assertThat(examples).as(qualifiedName + " has examples").isNotEmpty();
        for (var example : examples) {
            var tokens = tokens(example);
            assertThat(tokens.getFirst()).isEqualTo("scoreline");
            // A fresh tree per example: parsing fills in the command objects' fields.
            ParseResult parsed = ScorelineCommand.commandLine(Map.of())
                    .parseArgs(tokens.subList(1, tokens.size()).toArray(String[]::new));
            while (parsed.hasSubcommand()) {
                parsed = parsed.subcommand();
            }
            var target = parsed.commandSpec().qualifiedName();
            // A group's examples run its subcommands.
            assertThat(target).as(example).startsWith(qualifiedName);
            assertThat(parsed.commandSpec().userObject())
                    .as(example + " names a command that runs")
                    .isNotInstanceOf(CommandGroup.class);
        }
    }

    @Test
    void helpWinsOverMissingRequiredOptions() {
        var run = CliRun.run(Map.of(), "org", "create", "--slug", "acme", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: scoreline org create").contains("--timezone=TZ");
    }

    @Test
    void versionIsOnTheRootOnly() {
        var run = CliRun.run(Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isNotBlank();
        // mapping show has its own --version N, which must still parse as that command's option.
        var parsed = ScorelineCommand.commandLine(Map.of())
                .parseArgs("mapping", "show", "--integration", "1", "--version", "2");
        assertThat(parsed.subcommand().subcommand().matchedOptionValue("--version", 0))
                .isEqualTo(2);
    }

    private static String[] args(String qualifiedName, String flag) {
        var words = new ArrayList<>(Arrays.asList(qualifiedName.split(" ")));
        words.removeFirst();
        words.add(flag);
        return words.toArray(String[]::new);
    }

    private static CommandSpec spec(String qualifiedName) {
        var command = ScorelineCommand.commandLine(Map.of());
        for (var word : Arrays.asList(qualifiedName.split(" ")).subList(1, qualifiedName.split(" ").length)) {
            command = command.getSubcommands().get(word);
        }
        return command.getCommandSpec();
    }

    private static List<String> examples(CommandSpec spec) {
        return Arrays.stream(spec.usageMessage().footer())
                .map(String::strip)
                .filter(line -> line.startsWith("scoreline"))
                .toList();
    }

    /** Splits an example as a POSIX shell would, for the quoting the examples use (double quotes, no escapes). */
    private static List<String> tokens(String line) {
        var tokens = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        boolean inToken = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inToken = true;
            } else if (c == ' ' && !quoted) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        assertThat(quoted).as("unbalanced quotes in " + line).isFalse();
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
