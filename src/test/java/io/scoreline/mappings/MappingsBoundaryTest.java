package io.scoreline.mappings;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class MappingsBoundaryTest {

    private static final com.tngtech.archunit.core.domain.JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scoreline.mappings");

    @Test
    void mappingsDependOnlyOnTheJdkAndTheParserRuntimes() {
        noClasses()
                .that()
                .resideInAPackage("io.scoreline.mappings..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "java..",
                        "org.antlr.v4.runtime..",
                        "org.yaml.snakeyaml..",
                        "io.scoreline.mappings..",
                        "io.scoreline.failure..")
                .because(
                        "the rule language is pure Java (DESIGN §3): no JSON, DI or database libraries; only the two parsers and the exception root")
                .check(MAIN_CLASSES);
    }

    @Test
    void mappingsNeitherPrintNorReadTheClock() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(MAIN_CLASSES);
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .because("evaluation must be a function of the record and the rules alone")
                .check(MAIN_CLASSES);
    }
}
