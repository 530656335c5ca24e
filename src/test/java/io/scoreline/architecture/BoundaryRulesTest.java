package io.scoreline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of DESIGN §3, checked on every build. */
@AnalyzeClasses(packages = "io.scoreline", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundaryRulesTest {

    @ArchTest
    static final ArchRule mappingsArePureJava = classes()
            .that()
            .resideInAPackage("io.scoreline.mappings..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                    "io.scoreline.mappings..",
                    "io.scoreline.failure..",
                    "java..",
                    "org.antlr.v4.runtime..",
                    "org.yaml.snakeyaml..")
            .allowEmptyShould(true)
            .because("the rule language is pure Java (DESIGN §3): no I/O, no framework, testable on its own");

    @ArchTest
    static final ArchRule failuresDependOnNothing = classes()
            .that()
            .resideInAPackage("io.scoreline.failure..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.scoreline.failure..", "java..")
            .because("the exception root is the vocabulary every layer shares, so it may depend on none of them");

    @ArchTest
    static final ArchRule connectorsAreIndependent = slices().matching("io.scoreline.connectors.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                            "io.scoreline.connectors.spi.."))
            .because("connectors never depend on each other; they share only the SPI (DESIGN §3)");

    @ArchTest
    static final ArchRule connectorsStayOutOfThePipeline = noClasses()
            .that()
            .resideInAPackage("io.scoreline.connectors..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.scoreline.pipeline..",
                    "io.scoreline.gamification..",
                    "io.scoreline.app..",
                    "io.scoreline.sim..")
            .because(
                    "connectors only turn CRM rows into CrmRecords; storage and mapping belong to the pipeline (DESIGN §4)");

    @ArchTest
    static final ArchRule onlyStorageLayersTouchTheDatabase = noClasses()
            .that()
            .resideOutsideOfPackages("io.scoreline.pipeline..", "io.scoreline.gamification..", "io.scoreline.app..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "com.zaxxer..", "org.flywaydb..")
            .because("only pipeline, gamification and app touch the database (DESIGN §3)");

    @ArchTest
    static final ArchRule micronautStaysInApp = noClasses()
            .that()
            .resideOutsideOfPackage("io.scoreline.app..")
            // The bean definitions Micronaut's annotation processor writes beside a jakarta.inject @Singleton (use
            // cases).
            .and()
            .areNotAnnotatedWith(io.micronaut.core.annotation.Generated.class)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.micronaut..")
            .because(
                    "Micronaut annotations stay in app; elsewhere plain jakarta.inject keeps the code framework-free (DESIGN §3)");

    @ArchTest
    static final ArchRule nothingDependsOnTheSimulators = noClasses()
            .that()
            .resideOutsideOfPackages("io.scoreline.sim..", "io.scoreline.app..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.scoreline.sim..")
            .because("the simulators serve tests, the demo and benchmarks; the product never calls them (DESIGN §3)");

    @ArchTest
    static final ArchRule simulatorsAreSelfContained = noClasses()
            .that()
            .resideInAPackage("io.scoreline.sim..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.scoreline.app..",
                    "io.scoreline.pipeline..",
                    "io.scoreline.connectors..",
                    "io.scoreline.gamification..")
            .allowEmptyShould(true)
            .because("a simulator behaves like the CRM, not like Scoreline: it must not share Scoreline's code");

    @ArchTest
    static final ArchRule noWallClockInLogic = noClasses()
            .that()
            .resideOutsideOfPackages("io.scoreline.app..")
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(java.time.LocalDate.class, "now")
            .orShould()
            .callMethod(java.time.OffsetDateTime.class, "now")
            .because("time comes from an injected java.time.Clock, so tests can fake it");
}
