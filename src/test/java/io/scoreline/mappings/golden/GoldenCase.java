package io.scoreline.mappings.golden;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of {@code mappings/golden}: header lines ({@code key: value}) and sections opened by
 * {@code === name}. Headers: {@code provider}, {@code timezone}, {@code rules} ({@code stock} or
 * {@code inline}), optionally {@code object} (the HubSpot object type of the records).
 * Sections: {@code rules} (an inline document), {@code records} (one CRM JSON object per
 * line), {@code facts} (the expected facts in the {@code mapping test} JSON format, in
 * order), {@code warnings} (expected warnings, in order; none when the section is absent).
 * Lines starting with {@code #} outside the rules section are comments.
 */
record GoldenCase(String name, Map<String, String> headers, Map<String, List<String>> sections) {

    static GoldenCase read(Path file) throws IOException {
        var headers = new HashMap<String, String>();
        var sections = new HashMap<String, List<String>>();
        List<String> current = null;
        String currentName = null;
        for (var line : Files.readAllLines(file)) {
            if (line.startsWith("=== ")) {
                currentName = line.substring(4).strip();
                current = new ArrayList<>();
                sections.put(currentName, current);
            } else if (current == null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int colon = line.indexOf(':');
                    headers.put(
                            line.substring(0, colon).strip(),
                            line.substring(colon + 1).strip());
                }
            } else if ("rules".equals(currentName) || !(line.isBlank() || line.startsWith("#"))) {
                current.add(line);
            }
        }
        return new GoldenCase(file.getFileName().toString(), headers, sections);
    }

    List<String> section(String name) {
        return sections.getOrDefault(name, List.of());
    }

    @Override
    public String toString() {
        return name;
    }
}
