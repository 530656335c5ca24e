package io.scoreline.app.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code -h/--help} for the root and, inherited, for every command and command group below it,
 * so that a command added later answers it without doing anything; {@code -V/--version} only
 * on the root, because {@code mapping show} has its own {@code --version}.
 */
public final class HelpOptions {

    /** The heading of every command's footer: real command lines, which a test parses. */
    public static final String EXAMPLES = "%nExamples:%n";

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help with examples, then exit")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print the version, then exit")
    boolean version;
}
