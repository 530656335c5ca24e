package io.scoreline.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SimBoundaryTest {

    private final JavaClasses sim = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scoreline.sim");

    @Test
    void simulatorsDependOnNothingOfTheProduct() {
        noClasses()
                .that()
                .resideInAPackage("io.scoreline.sim..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.scoreline.app..",
                        "io.scoreline.pipeline..",
                        "io.scoreline.connectors..",
                        "io.scoreline.mappings..",
                        "io.scoreline.gamification..",
                        "io.micronaut..",
                        "org.apache.camel..")
                .because("tests, the demo and benchmarks use the simulators; they must stay independent")
                .check(sim);
    }
}
