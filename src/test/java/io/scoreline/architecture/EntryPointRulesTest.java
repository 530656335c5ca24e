package io.scoreline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Entry points parse, call a use case and print (issue 19): the decisions and the transactions are
 * below them, where a second entry point (the admin API) calls the same code.
 */
@AnalyzeClasses(packages = "io.scoreline", importOptions = ImportOption.DoNotIncludeTests.class)
class EntryPointRulesTest {

    private static final DescribedPredicate<JavaClass> A_STORE = DescribedPredicate.describe(
            "a store (..Store)",
            c -> c.getPackageName().startsWith("io.scoreline.")
                    && c.getSimpleName().endsWith("Store"));

    @ArchTest
    static final ArchRule commandsTalkToUseCasesNotToStorage = noClasses()
            .that()
            .resideInAnyPackage("io.scoreline.app.cli..", "io.scoreline.app.http..", "io.scoreline.app.console..")
            // Console sessions are the console's own use case and store (ADR 0050), not a page.
            .and()
            .resideOutsideOfPackage("io.scoreline.app.console.session..")
            .should()
            .dependOnClassesThat(A_STORE)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jooq..", "javax.sql..", "java.sql..")
            .because(
                    "a CLI command, an HTTP controller or a console page parses, calls one use case and prints; the use case holds the decisions and the transaction,"
                            + " so that the admin API can call the same one (issue 19)");
}
