package io.scoreline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.scoreline.mappings.CrmProvider;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The pipeline and the HTTP intake name no CRM (ADR 0028): what differs between CRMs is asked of
 * the connector SPI ({@code CrmProfile}), so that another CRM is a new connector package and no
 * edit here. Three rules: no dependency on a connector's package, no class named for a CRM, and no
 * use of a provider's enum constant (a comparison or a switch is a CRM branch). The enum type
 * itself may be named, as a key passed on.
 */
@AnalyzeClasses(packages = "io.scoreline", importOptions = ImportOption.DoNotIncludeTests.class)
class CrmNeutralityTest {

    private static final String[] NEUTRAL = {"io.scoreline.pipeline..", "io.scoreline.app.http.."};

    @ArchTest
    static final ArchRule noConnectorPackages = noClasses()
            .that()
            .resideInAnyPackage(NEUTRAL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.scoreline.connectors.salesforce..", "io.scoreline.connectors.hubspot..")
            .because("the pipeline and the HTTP intake reach a CRM only through the connector SPI (ADR 0028)");

    @ArchTest
    static final ArchRule noClassNamedForACrm = classes()
            .that()
            .resideInAnyPackage(NEUTRAL)
            .should(notBeNamedForACrm())
            .because(
                    "a class named for a CRM in the pipeline or the HTTP intake is a CRM specific outside its connector (ADR 0028)");

    @ArchTest
    static final ArchRule noProviderConstants = noClasses()
            .that()
            .resideInAnyPackage(NEUTRAL)
            .should()
            .accessFieldWhere(providerConstant())
            .because(
                    "a comparison with or a switch over a provider is a CRM branch; ask the CRM's profile instead (ADR 0028)");

    /** The rules are not vacuous: each catches what it is for in a fixture written to break it. */
    @Test
    void theRulesCatchCrmSpecifics() {
        var fixtures = new ClassFileImporter().importPackages("io.scoreline.pipeline.crmfixture");
        assertThat(fixtures).isNotEmpty();

        assertThat(noConnectorPackages.evaluate(fixtures).getFailureReport().getDetails())
                .anySatisfy(
                        line -> assertThat(line).contains("CrmBranchingFixture").contains("SalesforceSettings"));
        assertThat(noClassNamedForACrm.evaluate(fixtures).getFailureReport().getDetails())
                .containsExactly("io.scoreline.pipeline.crmfixture.HubspotNamedFixture is named for HubSpot");
        var constants =
                noProviderConstants.evaluate(fixtures).getFailureReport().getDetails();
        assertThat(constants)
                .anySatisfy(line -> assertThat(line).contains("branches(").contains("HUBSPOT"));
        // A switch reads every constant it names (through the compiler's switch map).
        assertThat(constants)
                .anySatisfy(
                        line -> assertThat(line).contains("CrmBranchingFixture").contains("SALESFORCE"));
    }

    private static DescribedPredicate<JavaFieldAccess> providerConstant() {
        var constants = Arrays.stream(CrmProvider.values()).map(Enum::name).toList();
        return DescribedPredicate.describe(
                "a constant of " + CrmProvider.class.getSimpleName(),
                access -> access.getTarget().getOwner().isEquivalentTo(CrmProvider.class)
                        && constants.contains(access.getTarget().getName()));
    }

    private static ArchCondition<JavaClass> notBeNamedForACrm() {
        return new ArchCondition<>("not be named for a CRM") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                // The name below the package: a nested SalesforceEndpoint counts too.
                var name = type.getName()
                        .substring(
                                type.getPackageName().isEmpty()
                                        ? 0
                                        : type.getPackageName().length() + 1)
                        .toLowerCase(Locale.ROOT);
                for (var crm : new String[] {"Salesforce", "HubSpot"}) {
                    if (name.contains(crm.toLowerCase(Locale.ROOT))) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is named for " + crm));
                    }
                }
            }
        };
    }
}
