package io.scoreline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * Entry points parse, call a use case and print (issue 19): the decisions and the transactions are
 * below them, where a second entry point (the admin API) calls the same code.
 */
@AnalyzeClasses(packages = "io.scoreline", importOptions = ImportOption.DoNotIncludeTests.class)
class EntryPointRulesTest {

    /**
     * Converted by slice a; the lead empties this at merge. Simple names, so the list still holds
     * while slice a moves these commands into packages of their own (nested and anonymous classes count as their command).
     */
    private static final Set<String> NOT_YET_CONVERTED = Set.of(
            "BackfillCommand",
            "InboxCommand",
            "IntegrationAddCommand",
            "IntegrationListCommand",
            "IntegrationPauseCommand",
            "IntegrationResumeCommand",
            "IntegrationRotateSecretCommand",
            "IntegrationStatusCommand",
            "IntegrationTestCommand",
            "RemapCommand",
            "RunsCommand",
            "SyncCommand",
            "UsersSyncCommand",
            "UsersUnmatchedCommand");

    private static final DescribedPredicate<JavaClass> NOT_YET_CONVERTED_COMMAND = DescribedPredicate.describe(
            "a command slice a converts", c -> NOT_YET_CONVERTED.contains(c.getName().replaceFirst(".*\\.", "").replaceFirst("\\$.*", "")));

    private static final DescribedPredicate<JavaClass> A_STORE = DescribedPredicate.describe(
            "a store (..Store)", c -> c.getPackageName().startsWith("io.scoreline.") && c.getSimpleName().endsWith("Store"));

    @ArchTest
    static final ArchRule commandsTalkToUseCasesNotToStorage = noClasses().that().resideInAPackage("io.scoreline.app.cli..")
            .and(DescribedPredicate.not(NOT_YET_CONVERTED_COMMAND))
            .should().dependOnClassesThat(A_STORE)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.jooq..", "javax.sql..", "java.sql..")
            .because("a CLI command parses, calls one use case and prints; the use case holds the decisions and the transaction,"
                    + " so that the admin API can call the same one (issue 19)");
}
