package io.ridemesh.order.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Package rules of the house style. Plain {@code @Test} methods: archunit-junit5's {@code @ArchTest} fields run zero
 * tests on JUnit 6.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.order");

    @Test
    void domainKnowsNoFramework() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "jakarta..",
                        "org.apache.kafka..",
                        "io.lettuce..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..")
                .because("the domain must stay plain Java: express the need as a port (an interface in domain, like"
                        + " Rides) and implement it in persistence/messaging, or pass the value in from the"
                        + " application layer");

        rule.check(PRODUCTION);
    }

    @Test
    void webDoesNotReachIntoPersistence() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..", "..messaging..")
                .because("resources call use cases in application, which use the domain's ports; wire adapters in"
                        + " the feature's @Configuration instead of calling them from a controller");

        rule.check(PRODUCTION);
    }

    @Test
    void applicationDoesNotDependOnAdaptersOrWeb() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..", "..messaging..", "..web..")
                .because("use cases talk to ports (Rides, RideEvents, UnitHomes); adapters and HTTP depend on them, not"
                        + " the other way round: move the code to the adapter or define a port");

        rule.check(PRODUCTION);
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage("io.ridemesh.order.ride.domain"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(PRODUCTION.size()).isGreaterThan(50);
    }
}
