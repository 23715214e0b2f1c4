package io.ridemesh.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.ridemesh.testsupport.PlatformArchRules;
import org.junit.jupiter.api.Test;

/**
 * Architecture rules for {@code common}.
 *
 * <p>Checked from a plain Jupiter test rather than {@code @AnalyzeClasses}/{@code @ArchTest}: the archunit-junit5
 * 1.4.1 engine discovers nothing on JUnit Platform 6 (which Spring Boot 4 brings), so those rules would silently run
 * zero tests.
 */
class CommonArchitectureTest {

    private static final JavaClasses COMMON = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ridemesh.common");

    @Test
    void commonDependsOnNoFrameworkOrBrokerClient() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("io.ridemesh.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "io.lettuce..")
                .because("common is shared by every service and by sync-sink and must stay a plain library: take"
                        + " the collaborator as a plain Java interface (like HlcStore) or a java.time/javax.sql type"
                        + " here, and put the Spring, Kafka or Lettuce adapter in the module that uses it");

        rule.check(COMMON);
    }

    @Test
    void followsThePlatformRules() {
        PlatformArchRules.checkAll(COMMON, "io.ridemesh.common");
    }

    @Test
    void rulesSeeTheProductionClasses() {
        // Guards against a rule passing vacuously because the import found nothing.
        org.assertj.core.api.Assertions.assertThat(COMMON.contain("io.ridemesh.common.hlc.HybridLogicalClock"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(COMMON.contain("io.ridemesh.common.id.GlobalIdGenerator"))
                .isTrue();
    }
}
