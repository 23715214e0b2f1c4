package io.ridemesh.pricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * pricing-service's architecture: the platform's shared rules ({@link PlatformArchRules}: framework-free domain, adapters
 * reached only through ports, no package cycles, internal packages kept inside), and command-line tools without Spring. Plain {@code @Test} methods:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6.
 */
class PricingArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.pricing");

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(PRODUCTION, "io.ridemesh.pricing");
    }

    @Test
    void commandLineToolsNeedNoSpring() {
        noClasses()
                .that()
                .resideInAnyPackage("..pricing.calibration..", "..pricing.accuracy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..")
                .because("Calibrate and AccuracyReport run without a Spring context, database or Redis: load the"
                        + " model with PricingModelLoader instead of injecting beans")
                .check(PRODUCTION);
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        assertThat(PRODUCTION.contain("io.ridemesh.pricing.domain.SurgePricing"))
                .isTrue();
        assertThat(PRODUCTION.contain("io.ridemesh.pricing.web.QuoteController"))
                .isTrue();
    }
}
