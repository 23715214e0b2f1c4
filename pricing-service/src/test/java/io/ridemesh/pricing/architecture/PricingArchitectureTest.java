package io.ridemesh.pricing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules for pricing-service. Plain Jupiter tests, not {@code @ArchTest}: the archunit-junit5 1.4.1
 * engine discovers nothing on the JUnit Platform Spring Boot 4 brings, so those rules would run zero tests.
 */
class PricingArchitectureTest {

    private static final JavaClasses PRICING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.pricing");

    @Test
    void domainImportsNoSpringJdbcLettuceOrKafka() {
        noClasses()
                .that()
                .resideInAPackage("..pricing..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "io.lettuce..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "jakarta..")
                .because("pricing rules must run in plain Java (unit tests, the accuracy report): put framework code"
                        + " in an adapter under persistence/ or web/ behind a port interface in domain/, and build"
                        + " the domain objects in PricingConfiguration")
                .check(PRICING);
    }

    @Test
    void webDoesNotReachIntoPersistence() {
        noClasses()
                .that()
                .resideInAPackage("..pricing.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..pricing.persistence..")
                .because("controllers talk to use cases and ports (IssueQuote, Quotes): depend on the port in"
                        + " domain/ and let PricingConfiguration inject the adapter")
                .check(PRICING);
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
                .check(PRICING);
    }

    @Test
    void rulesSeeTheProductionClasses() {
        // Guards against the rules passing vacuously because the import found nothing.
        assertThat(PRICING.contain("io.ridemesh.pricing.domain.SurgePricing")).isTrue();
        assertThat(PRICING.contain("io.ridemesh.pricing.web.QuoteController")).isTrue();
    }
}
