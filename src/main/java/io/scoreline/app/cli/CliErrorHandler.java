package io.scoreline.app.cli;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One line on stderr for every failure, and the exit codes of DESIGN §10: 2 for a usage error,
 * bad input or something named that does not exist (an unknown id or slug), 1 for any other
 * failure. Stack traces only with {@code --verbose}. Messages can quote what a user typed, so
 * their control characters are printed escaped.
 */
public final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private final boolean verbose;

    public CliErrorHandler(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        var err = e.getCommandLine().getErr();
        err.println("error: " + oneLine(e.getMessage()));
        err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        var failure = find(e);
        if (failure != null) {
            err.println("error: " + oneLine(failure.getMessage()));
        } else {
            err.println("error: internal error (" + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()) + ")"
                    + (verbose ? "" : "; run again with --verbose for details"));
        }
        if (verbose) {
            e.printStackTrace(new PrintWriter(err, true));
        }
        err.flush();
        return failure == null ? FAILURE : exitCode(failure.kind());
    }

    static int exitCode(FailureKind kind) {
        return switch (kind) {
            case BAD_INPUT, NOT_FOUND -> USAGE;
            case RETRYABLE, AUTH, QUOTA, CONFLICT, BUG, SCHEMA -> FAILURE;
        };
    }

    /** Micronaut wraps failures of bean creation: find ours in the cause chain. */
    @SuppressWarnings("ReferenceEquality") // a cause that is the exception itself ends the chain: identity on purpose
    private static ScorelineException find(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ScorelineException s) {
                return s;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return message == null ? "" : TerminalText.cell(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }
}
