package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import java.util.List;
import java.util.Optional;

/** The root mapping (absent for an empty or unreadable document) and every problem found. */
public record YamlParseResult(Optional<YamlMapping> root, List<Problem> problems) {

    public YamlParseResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    }
}
