package io.scoreline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code bash} block of README.md and docs/*.md runs as pasted: in order, per document, from
 * a directory that looks like the repository root, on a fresh {@code SCORELINE_HOME}, and each block
 * exits 0. A {@code text} block right after a {@code bash} block is that block's expected output: each
 * of its lines must appear in what the block printed ({@code …} stands for anything). A block that
 * is not meant to be run is not a {@code bash} block, or has the marker
 * {@code <!-- not run by DocumentedCommandsIT: why -->} on the line above it.
 *
 * <p>It runs target/scoreline.jar through the {@code ./scoreline} launcher, so the jar must exist
 * and be newer than the sources: this is an integration test, after {@code package}. The launcher
 * would rebuild a stale jar with Maven, inside Maven; here {@code mvn} on the PATH refuses instead.
 */
class DocumentedCommandsIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final String NOT_RUN = "<!-- not run by DocumentedCommandsIT:";
    private static final Duration PER_DOCUMENT = Duration.ofMinutes(15);
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");
    private static final Pattern SHELL_LANGUAGES = Pattern.compile("sh|shell|console|zsh|shell-session|");
    /** What a document's commands may use of the repository, linked into each document's own directory. */
    private static final List<String> REPOSITORY = List.of(
            "scoreline", "bin", "target", "pom.xml", "src", "mappings", "pipeline", "connectors", "docs", "README.md");

    @TempDir
    Path scratch;

    record Block(
            String language, int line, String text, Optional<String> notRunBecause, Optional<String> expectedOutput) {

        boolean runs() {
            return language.equals("bash") && notRunBecause.isEmpty();
        }
    }

    static Stream<Path> documents() throws IOException {
        try (var docs = Files.list(ROOT.resolve("docs"))) {
            var all = new ArrayList<Path>();
            all.add(ROOT.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
            return all.stream();
        }
    }

    static Stream<Path> documentsWithCommands() throws IOException {
        return documents().filter(d -> blocks(d).stream().anyMatch(Block::runs));
    }

    @Test
    void everyShellBlockEitherRunsOrSaysWhyNot() throws IOException {
        var problems = new ArrayList<String>();
        documents().forEach(document -> {
            for (var block : blocks(document)) {
                var where = ROOT.relativize(document) + ":" + block.line();
                if (SHELL_LANGUAGES.matcher(block.language()).matches()) {
                    problems.add(where + ": a ```" + block.language()
                            + " block: say ```bash (run) or ```text (not a command)");
                }
                if (block.notRunBecause().isPresent()
                        && block.notRunBecause().get().isBlank()) {
                    problems.add(where + ": a block that is not run must say why");
                }
                if (block.notRunBecause().isPresent() && !block.language().equals("bash")) {
                    problems.add(where + ": only a bash block needs the not-run marker");
                }
            }
        });
        assertThat(problems).isEmpty();
        assertThat(documentsWithCommands()).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/walkthrough.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsWithCommands")
    void everyCommandBlockRunsAsPasted(Path document) throws Exception {
        var jar = ROOT.resolve("target/scoreline.jar");
        assertThat(jar)
                .as("target/scoreline.jar: build it first (mvn -DskipTests package); this test runs after package")
                .exists();
        var name = document.getFileName().toString().replace(".md", "");
        var work = Files.createDirectories(scratch.resolve(name + "/repository"));
        for (var entry : REPOSITORY) {
            Files.createSymbolicLink(work.resolve(entry), ROOT.resolve(entry));
        }
        var home = scratch.resolve(name + "/home");
        var blocks = blocks(document).stream().filter(Block::runs).toList();
        var script = script(work, blocks);
        var logs = Files.createDirectories(ROOT.resolve("target/documented-commands"));
        var log = logs.resolve(name + ".log");

        var builder = new ProcessBuilder("setsid", "bash", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("SCORELINE_"));
        environment.put("SCORELINE_HOME", home.toString());
        environment.put("PATH", refusingMaven() + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        long started = System.nanoTime();
        var process = builder.start();
        boolean finished;
        try {
            process.getOutputStream().close();
            finished = process.waitFor(PER_DOCUMENT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            stopWhatTheDocumentLeftRunning(process.pid(), home);
            for (var entry : REPOSITORY) {
                // The links go before the temporary directory does, which would otherwise warn about each one.
                Files.delete(work.resolve(entry));
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf(
                "DocumentedCommandsIT: %s ran %d blocks in %d s (log: %s)%n",
                ROOT.relativize(document), blocks.size(), seconds, ROOT.relativize(log));

        var output = Files.readString(log, StandardCharsets.UTF_8);
        int failed = firstUnfinishedBlock(output, blocks.size());
        if (!finished || process.exitValue() != 0 || failed >= 0) {
            var block = failed >= 0 ? blocks.get(failed) : blocks.getLast();
            fail(
                    "%s:%d: the block %s (%s); its commands:%n%s%nlast output (%s):%n%s",
                    ROOT.relativize(document),
                    block.line(),
                    finished ? "exited " + process.exitValue() : "did not finish within " + PER_DOCUMENT,
                    "block " + (failed + 1),
                    block.text(),
                    ROOT.relativize(log),
                    tail(output, 40));
        }
        for (int i = 0; i < blocks.size(); i++) {
            var block = blocks.get(i);
            if (block.expectedOutput().isPresent()) {
                var printed = segment(output, i);
                for (var expected : block.expectedOutput()
                        .get()
                        .lines()
                        .filter(l -> !l.isBlank())
                        .toList()) {
                    assertThat(printed.lines().anyMatch(line -> matches(line, expected)))
                            .as(
                                    "%s:%d: the output of the block shows '%s'; it printed:%n%s",
                                    ROOT.relativize(document), block.line(), expected, printed)
                            .isTrue();
                }
            }
        }
    }

    /** The fenced blocks of a document, each with the marker above it and the text block after it. */
    static List<Block> blocks(Path document) {
        List<String> lines;
        try {
            lines = Files.readAllLines(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        record Raw(String language, int line, String text, String lineAbove, int end) {}
        var raws = new ArrayList<Raw>();
        for (int i = 0; i < lines.size(); i++) {
            var open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i;
            var text = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            int above = start - 1;
            while (above >= 0 && lines.get(above).isBlank()) {
                above--;
            }
            raws.add(new Raw(
                    open.group(1),
                    start + 1,
                    text.toString(),
                    above >= 0 ? lines.get(above).strip() : "",
                    i));
        }
        var blocks = new ArrayList<Block>();
        for (int r = 0; r < raws.size(); r++) {
            var raw = raws.get(r);
            Optional<String> notRun = raw.lineAbove().startsWith(NOT_RUN)
                    ? Optional.of(raw.lineAbove()
                            .substring(NOT_RUN.length())
                            .replace("-->", "")
                            .strip())
                    : Optional.empty();
            Optional<String> expected = Optional.empty();
            if (r + 1 < raws.size()
                    && raws.get(r + 1).language().equals("text")
                    && lines.subList(raw.end() + 1, raws.get(r + 1).line() - 1).stream()
                            .allMatch(String::isBlank)) {
                expected = Optional.of(raws.get(r + 1).text());
            }
            blocks.add(new Block(raw.language(), raw.line(), raw.text(), notRun, expected));
        }
        return blocks;
    }

    /** One script per document: its blocks in order, each between markers, stopping at the first command that fails. */
    private Path script(Path work, List<Block> blocks) throws IOException {
        var script = new StringBuilder("set -euo pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("printf '\\n%s\\n' '@@ block ").append(i + 1).append(" begins'\n");
            script.append(blocks.get(i).text());
            script.append("printf '\\n%s\\n' '@@ block ").append(i + 1).append(" ends'\n");
        }
        var file = work.resolveSibling("commands.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        return file;
    }

    /** A directory holding an {@code mvn} that refuses: the launcher must find the jar built, not build it inside this build. */
    private Path refusingMaven() throws IOException {
        var bin = Files.createDirectories(scratch.resolve("bin"));
        var mvn = bin.resolve("mvn");
        if (!Files.exists(mvn)) {
            Files.writeString(
                    mvn,
                    "#!/bin/sh\necho 'DocumentedCommandsIT: target/scoreline.jar is missing or older than the sources; "
                            + "build it first (mvn -DskipTests package)' >&2\nexit 1\n");
            Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin;
    }

    /**
     * Background commands the document did not stop (its process group), then an embedded PostgreSQL
     * the document's commands left running in its home (pg_ctl starts it in a session of its own).
     */
    private static void stopWhatTheDocumentLeftRunning(long group, Path home) throws Exception {
        new ProcessBuilder("kill", "-TERM", "--", "-" + group)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor(10, TimeUnit.SECONDS);
        var pidFile = home.resolve("pg/postmaster.pid");
        if (Files.exists(pidFile)) {
            var pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            var postmaster = ProcessHandle.of(pid);
            if (postmaster.isPresent()
                    && postmaster.get().info().command().orElse("").contains("postgres")) {
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The index of the first block that began and did not end, or -1. */
    private static int firstUnfinishedBlock(String output, int blocks) {
        for (int i = 0; i < blocks; i++) {
            if (!output.contains("@@ block " + (i + 1) + " ends")) {
                return i;
            }
        }
        return -1;
    }

    private static String segment(String output, int block) {
        int from = output.indexOf("@@ block " + (block + 1) + " begins");
        int to = output.indexOf("@@ block " + (block + 1) + " ends");
        return output.substring(from, to);
    }

    /** A line of expected output appears in a printed line, runs of spaces counting as one and {@code …} as anything. */
    static boolean matches(String printed, String expected) {
        var line = printed.strip().replaceAll("\\s+", " ");
        int at = 0;
        for (var part : expected.strip().replaceAll("\\s+", " ").split("…")) {
            int found = line.indexOf(part.strip(), at);
            if (found < 0) {
                return false;
            }
            at = found + part.strip().length();
        }
        return true;
    }

    private static String tail(String output, int lines) {
        var all = output.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
