package io.ridemesh.kit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * The kit holds no business logic and knows no service; its stack-free core needs neither servlet nor reactive types,
 * so a service on either stack can use it. (A plain Jupiter test: archunit-junit5's engine finds nothing on JUnit
 * Platform 6.)
 */
class KitArchitectureTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.kit");

    @Test
    void theKitKnowsNoService() {
        noClasses()
                .that()
                .resideInAPackage("io.ridemesh.kit..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.ridemesh.order..",
                        "io.ridemesh.dispatch..",
                        "io.ridemesh.pricing..",
                        "io.ridemesh.identity..",
                        "io.ridemesh.gateway..",
                        "io.ridemesh.sync..",
                        "io.ridemesh.infra..")
                .because("the kit is what services share; a service's own types stay in the service")
                .check(KIT);
    }

    @Test
    void theProblemCoreNeedsNoStack() {
        noClasses()
                .that()
                .resideInAPackage("io.ridemesh.kit.problem")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..",
                        "org.springframework.web.servlet..",
                        "org.springframework.web.server..",
                        "org.springframework.web.reactive..",
                        "reactor..",
                        "org.springframework.security..")
                .because("servlet and reactive services both build problems with it; the stacks' adapters live in"
                        + " problem.servlet and problem.reactive, whose libraries are optional dependencies")
                .check(KIT);
    }

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(KIT, "io.ridemesh.kit");
    }

    @Test
    void rulesSeeTheProductionClasses() {
        assertThat(KIT.contain("io.ridemesh.kit.problem.Problems")).isTrue();
        assertThat(KIT.contain("io.ridemesh.kit.problem.servlet.ServletProblemHandler"))
                .isTrue();
    }
}
