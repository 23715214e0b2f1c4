package io.ridemesh.benchmarks.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * benchmarks's architecture: the platform's shared rules ({@link PlatformArchRules}: framework-free domain, adapters
 * reached only through ports, no package cycles, internal packages kept inside). Plain {@code @Test} methods:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.benchmarks");

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(PRODUCTION, "io.ridemesh.benchmarks");
    }

    @Test
    void rulesSeeTheCode() {
        // guards against an empty import making every rule pass vacuously
        assertThat(PRODUCTION.containPackage("io.ridemesh.benchmarks")).isTrue();
        assertThat(PRODUCTION.containPackage("io.ridemesh.benchmarks.matching")).isTrue();
    }
}
