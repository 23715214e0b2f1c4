package io.ridemesh.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules as plain {@code @Test}s ({@code @ArchTest} fields run no tests here). */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ridemesh.gateway");
    }

    @Test
    void domainAndRegionKernelKnowNoFramework() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..gateway..domain..", "io.ridemesh.gateway.region..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "reactor..",
                        "io.lettuce..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "tools.jackson..",
                        "io.micrometer..",
                        "io.github.resilience4j..")
                .because("routing rules and drills must be testable without Spring, a database or HTTP; put the"
                        + " adapter in persistence/web and a port in domain");
        rule.check(classes);
    }

    @Test
    void applicationDependsOnPortsOnly() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..gateway..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..persistence..", "..web..", "org.springframework..", "reactor..", "tools.jackson..")
                .because("use cases depend on ports; adapters are wired in the feature's *Configuration");
        rule.check(classes);
    }

    @Test
    void webDoesNotReachIntoPersistence() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..")
                .because("HTTP adapters call use cases and ports; go through the application layer or a domain port");
        rule.check(classes);
    }
}
