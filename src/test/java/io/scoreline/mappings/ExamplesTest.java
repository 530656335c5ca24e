package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExamplesTest {

    /**
     * Examples on custom fields and objects (issue 20): they compile only against an organization's
     * catalog, here the one {@link CustomFieldCatalogs} builds as the simulators' describe reports it.
     */
    static final Set<String> CUSTOM_FIELD_EXAMPLES =
            Set.of("salesforce-call-outcomes.yaml", "hubspot-call-quality.yaml");

    static Stream<Path> examples() throws IOException {
        try (var files = Files.list(Path.of("mappings", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    static Stream<Path> stockExamples() throws IOException {
        return examples()
                .filter(f -> !CUSTOM_FIELD_EXAMPLES.contains(f.getFileName().toString()));
    }

    static Stream<Path> customFieldExamples() throws IOException {
        return examples()
                .filter(f -> CUSTOM_FIELD_EXAMPLES.contains(f.getFileName().toString()));
    }

    private static FieldCatalog customCatalog(CrmProvider provider) {
        return switch (provider) {
            case SALESFORCE -> CustomFieldCatalogs.salesforce();
            case HUBSPOT -> CustomFieldCatalogs.hubspot();
        };
    }

    @ParameterizedTest
    @MethodSource("stockExamples")
    void everyExampleCompilesCleanAgainstItsProvidersStockCatalog(Path example) throws IOException {
        var result = MappingCompiler.compile(Files.readString(example), Optional.empty(), FieldCatalog::stock);

        assertThat(result.problems()).as(example.toString()).isEmpty();
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    }

    /** A catalog that adds custom fields, options and formulas says nothing new about stock rules. */
    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleCompilesCleanAgainstACatalogWithCustomFields(Path example) throws IOException {
        var result = MappingCompiler.compile(Files.readString(example), Optional.empty(), ExamplesTest::customCatalog);

        assertThat(result.problems()).as(example.toString()).isEmpty();
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    }

    /** Keeps the split honest: an example listed as custom really needs the organization's catalog. */
    @ParameterizedTest
    @MethodSource("customFieldExamples")
    void customFieldExamplesNeedTheOrganizationsCatalog(Path example) throws IOException {
        var result = MappingCompiler.compile(Files.readString(example), Optional.empty(), FieldCatalog::stock);

        assertThat(result).as(example.toString()).isInstanceOf(CompileResult.Rejected.class);
    }
}
