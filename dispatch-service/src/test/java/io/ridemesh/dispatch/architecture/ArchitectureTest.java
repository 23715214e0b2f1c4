package io.ridemesh.dispatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of ARCHITECTURE/STYLE, as plain {@code @Test} methods ({@code @ArchTest} fields run no tests under
 * JUnit 6 here).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ridemesh.dispatch");
    }

    @Test
    void domainKnowsNoFramework() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..dispatch..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "io.lettuce..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "tools.jackson..",
                        "io.micrometer..")
                .because("domain code must run without Spring, Redis, Kafka, JDBC or JSON (a benchmark's main class"
                        + " calls it directly); put the adapter in persistence/messaging/web and a port in domain");
        rule.check(classes);
    }

    @Test
    void webDoesNotReachIntoPersistence() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..", "..messaging..")
                .because("controllers call use cases and ports; go through the application layer or a domain port");
        rule.check(classes);
    }

    @Test
    void applicationDoesNotDependOnAdapters() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..persistence..",
                        "..messaging..",
                        "..web..",
                        "org.springframework..",
                        "io.lettuce..",
                        "org.apache.kafka..")
                .because("use cases depend on ports; adapters are wired in the feature's *Configuration");
        rule.check(classes);
    }
}
