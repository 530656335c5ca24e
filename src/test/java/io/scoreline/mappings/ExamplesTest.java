package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {

    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("mappings", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleCompilesCleanAgainstItsProvidersStockCatalog(Path example) throws IOException {
        var result = MappingCompiler.compile(Files.readString(example), Optional.empty(), FieldCatalog::stock);

        assertThat(result.problems()).as(example.toString()).isEmpty();
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    }
}
