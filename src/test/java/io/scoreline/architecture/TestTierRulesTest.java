package io.scoreline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * Keeps the split of ADR 0030 from rotting: Surefire runs every class named like a unit test in
 * {@code mvn test}, so such a class must not start the embedded PostgreSQL, an HTTP server, a
 * simulator or a process, directly or through a test fixture. Those tests are named {@code *IT}.
 */
@AnalyzeClasses(packages = "io.scoreline", importOptions = ImportOption.OnlyIncludeTests.class)
class TestTierRulesTest {

    /** Surefire's default includes; Failsafe's ({@code *IT}) match none of them. */
    private static final Pattern UNIT_TEST_NAME = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    /** What an integration test starts; reaching any of these, even through a fixture, makes a test an *IT. */
    private static final Set<String> INFRASTRUCTURE = Set.of(
            "io.scoreline.testing.TestPostgres",
            "io.scoreline.testing.TestEnvironment",
            "io.scoreline.testing.TestTenant",
            "io.scoreline.testing.ScorelineServer",
            "io.scoreline.testing.EmbeddedServerProcess",
            "io.scoreline.pipeline.database.EmbeddedPostgresServer",
            "io.scoreline.app.wiring.ScorelineApplication",
            "io.scoreline.sim.Simulators",
            "io.scoreline.sim.RunningSimulators",
            "io.scoreline.sim.salesforce.SalesforceSimulator",
            "io.scoreline.sim.hubspot.HubSpotSimulator",
            "io.scoreline.sim.http.SimHttpServer",
            "io.micronaut.runtime.server.EmbeddedServer",
            "com.sun.net.httpserver.HttpServer",
            "java.lang.ProcessBuilder");

    private static final ImportOption TEST_LOCATIONS = new ImportOption.OnlyIncludeTests();

    @ArchTest
    static final ArchRule unitTestsStartNoInfrastructure = classes()
            .that(belongToAUnitTest())
            .should(startNoInfrastructure())
            .because("`mvn test` must answer in about a minute without a database, a server or a process; "
                    + "a test that needs one is named *IT and runs in Failsafe (ADR 0030, docs/testing.md)");

    @Test
    void aTestThatReachesPostgresThroughAFixtureIsCaught() {
        var probes = new ClassFileImporter().importPackages("io.scoreline.architecture.probes");

        assertThat(violations(probes, "io.scoreline.architecture.probes.DatabaseProbe"))
                .singleElement()
                .asString()
                .contains("DatabaseProbe", "DatabaseProbeFixture", "io.scoreline.testing.TestPostgres");
        assertThat(violations(probes, "io.scoreline.architecture.probes.PureProbe"))
                .isEmpty();
    }

    @Test
    void theTestsSurefireRunsAreTheOnesChecked() {
        var subject = belongToAUnitTest();
        var own = new ClassFileImporter().importClasses(TestTierRulesTest.class, NestedInATest.class);
        var helpers = new ClassFileImporter().importPackages("io.scoreline.testing");

        assertThat(subject.test(own.get(TestTierRulesTest.class))).isTrue();
        assertThat(subject.test(own.get(NestedInATest.class)))
                .as("a nested class counts as part of its test")
                .isTrue();
        assertThat(subject.test(helpers.get("io.scoreline.testing.TestPostgres")))
                .as("Surefire's Test* pattern matches the helper, but it has no test to run")
                .isFalse();
        assertThat(UNIT_TEST_NAME.matcher("SalesforceSyncContractIT").matches()).isFalse();
    }

    private static List<String> violations(JavaClasses classes, String name) {
        var events = ConditionEvents.Factory.create();
        startNoInfrastructure().check(classes.get(name), events);
        return events.getViolating().stream()
                .flatMap(event -> event.getDescriptionLines().stream())
                .toList();
    }

    private static DescribedPredicate<JavaClass> belongToAUnitTest() {
        return DescribedPredicate.describe("belong to a unit test (named *Test, with tests to run)", javaClass -> {
            var test = topLevel(javaClass);
            return UNIT_TEST_NAME.matcher(test.getSimpleName()).matches() && (hasTests(test) || hasTests(javaClass));
        });
    }

    private static boolean hasTests(JavaClass javaClass) {
        return javaClass.getMembers().stream()
                .anyMatch(
                        member -> member.isAnnotatedWith(Testable.class) || member.isMetaAnnotatedWith(Testable.class));
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        var current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    /** Follows dependencies through test code only: the product itself reaches the database everywhere. */
    private static ArchCondition<JavaClass> startNoInfrastructure() {
        return new ArchCondition<>("start no embedded PostgreSQL, HTTP server, simulator or process") {
            @Override
            public void check(JavaClass test, ConditionEvents events) {
                path(test)
                        .ifPresent(path -> events.add(SimpleConditionEvent.violated(
                                test, test.getName() + " reaches " + path + ": rename it to *IT")));
            }
        };
    }

    private static Optional<String> path(JavaClass start) {
        var cameFrom = new HashMap<JavaClass, JavaClass>();
        var queue = new ArrayDeque<JavaClass>();
        cameFrom.put(start, start);
        queue.add(start);
        while (!queue.isEmpty()) {
            var current = queue.poll();
            for (var dependency : current.getDirectDependenciesFromSelf()) {
                var target = dependency.getTargetClass().getBaseComponentType();
                if (INFRASTRUCTURE.contains(target.getName())) {
                    return Optional.of(describe(cameFrom, current) + " -> " + target.getName());
                }
                if (!cameFrom.containsKey(target) && isTestCode(target)) {
                    cameFrom.put(target, current);
                    queue.add(target);
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(Map<JavaClass, JavaClass> cameFrom, JavaClass end) {
        var path = new StringBuilder(end.getSimpleName());
        for (var step = end; cameFrom.get(step) != step; step = cameFrom.get(step)) {
            path.insert(0, cameFrom.get(step).getSimpleName() + " -> ");
        }
        return path.toString();
    }

    private static boolean isTestCode(JavaClass javaClass) {
        return javaClass
                .getSource()
                .map(source -> TEST_LOCATIONS.includes(Location.of(source.getUri())))
                .orElse(false);
    }

    /** Stands for a JUnit @Nested class: it runs as part of the test around it. */
    static final class NestedInATest {}
}
