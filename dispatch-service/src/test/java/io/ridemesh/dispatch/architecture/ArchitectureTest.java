package io.ridemesh.dispatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * dispatch-service's architecture: the platform's shared rules ({@link PlatformArchRules}: framework-free domain, adapters
 * reached only through ports, no package cycles, internal packages kept inside), and use cases free of Spring, Lettuce and Kafka. Plain {@code @Test} methods:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.dispatch");

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(PRODUCTION, "io.ridemesh.dispatch");
    }

    @Test
    void useCasesKnowNoFramework() {
        noClasses()
                .that()
                .resideInAnyPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.lettuce..", "org.apache.kafka..")
                .because("use cases depend on ports; adapters are wired in the feature's *Configuration")
                .check(PRODUCTION);
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        assertThat(PRODUCTION.containPackage("io.ridemesh.dispatch.matching.domain"))
                .isTrue();
        assertThat(PRODUCTION.size()).isGreaterThan(50);
    }
}
