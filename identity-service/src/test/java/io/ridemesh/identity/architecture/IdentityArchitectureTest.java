package io.ridemesh.identity.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * identity-service's architecture: the platform's shared rules ({@link PlatformArchRules}: framework-free domain,
 * adapters reached only through ports, no package cycles, no other service's classes). Plain {@code @Test} methods:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6.
 */
class IdentityArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.identity");

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(PRODUCTION, "io.ridemesh.identity");
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        assertThat(PRODUCTION.contain("io.ridemesh.identity.account.domain.PasswordRules"))
                .isTrue();
        assertThat(PRODUCTION.contain("io.ridemesh.identity.authserver.PlatformClaims"))
                .isTrue();
    }
}
