package io.scoreline.pipeline.database;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of the migrations this build carries under {@code db/migration}, read from the
 * names only (no SQL is read), the way Flyway finds them: every class path location, in a jar or
 * a directory. Empty when a location is of another kind: the caller then lets Flyway decide.
 */
final class BundledMigrations {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__[^/]*\\.sql");

    private BundledMigrations() {}

    static Optional<Set<MigrationVersion>> versions(ClassLoader loader) {
        var versions = new HashSet<MigrationVersion>();
        try {
            for (var url : Collections.list(loader.getResources(LOCATION))) {
                var names = names(url);
                if (names.isEmpty()) {
                    return Optional.empty();
                }
                try (var stream = names.get()) {
                    for (var name : (Iterable<String>) stream::iterator) {
                        var matcher = VERSIONED.matcher(name);
                        if (matcher.matches()) {
                            versions.add(MigrationVersion.parse(matcher.group(1)));
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return versions.isEmpty() ? Optional.empty() : Optional.of(Set.copyOf(versions));
    }

    /** The file names in one location and its sub-folders, as Flyway scans it. */
    private static Optional<Stream<String>> names(URL url) throws IOException, URISyntaxException {
        return switch (url.getProtocol()) {
            case "file" -> Optional.of(listDirectory(Path.of(url.toURI())));
            case "jar" -> {
                var connection = url.openConnection();
                if (!(connection instanceof JarURLConnection jar)) {
                    yield Optional.empty();
                }
                // The class loader's own cached copy of the jar: nothing is opened a second time.
                jar.setUseCaches(true);
                var prefix = jar.getEntryName() + "/";
                yield Optional.of(jar.getJarFile().stream()
                        .map(entry -> entry.getName())
                        .filter(name -> name.startsWith(prefix) && !name.endsWith("/"))
                        .map(name -> name.substring(name.lastIndexOf('/') + 1)));
            }
            default -> Optional.empty();
        };
    }

    private static Stream<String> listDirectory(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files
                    .filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .toList()
                    .stream();
        }
    }
}
