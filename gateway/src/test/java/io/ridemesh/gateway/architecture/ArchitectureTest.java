package io.ridemesh.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * the gateway's architecture: the platform's shared rules ({@link PlatformArchRules}: framework-free domain, adapters
 * reached only through ports, no package cycles, internal packages kept inside), a framework-free region kernel, and use cases free of Spring, Reactor and Jackson. Plain {@code @Test} methods:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.gateway");

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(PRODUCTION, "io.ridemesh.gateway");
    }

    @Test
    void domainAndRegionKernelKnowNoReactorOrBreaker() {
        noClasses()
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
                        + " adapter in persistence/web and a port in domain")
                .check(PRODUCTION);
    }

    @Test
    void useCasesKnowNoFramework() {
        noClasses()
                .that()
                .resideInAnyPackage("..gateway..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "reactor..", "tools.jackson..")
                .because("use cases depend on ports; adapters are wired in the feature's *Configuration")
                .check(PRODUCTION);
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        assertThat(PRODUCTION.containPackage("io.ridemesh.gateway.routing.domain"))
                .isTrue();
        assertThat(PRODUCTION.size()).isGreaterThan(50);
    }
}
