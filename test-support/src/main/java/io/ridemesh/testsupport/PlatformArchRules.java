package io.ridemesh.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every module checks, one definition (as Debezium's {@code DebeziumArchRules}): a module's
 * test imports its classes and calls {@link #checkAll}, then adds its own rules. Run them from a plain Jupiter test:
 * archunit-junit5's engine discovers nothing on JUnit Platform 6. Stateless; thread-safe.
 */
public final class PlatformArchRules {

    /** Framework and infrastructure packages a {@code domain} package must not touch. */
    private static final String[] FRAMEWORKS = {
        "org.springframework..",
        "io.lettuce..",
        "org.apache.kafka..",
        "java.sql..",
        "javax.sql..",
        "jakarta..",
        "tools.jackson..",
        "io.micrometer.."
    };

    /** Domain code is plain Java: a rule that needs I/O is a port (an interface in domain) with an adapter outside. */
    public static final ArchRule DOMAIN_KNOWS_NO_FRAMEWORK = noClasses()
            .that()
            .resideInAPackage("..domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FRAMEWORKS)
            .allowEmptyShould(true)
            .because("domain rules must run without Spring, Redis, Kafka, JDBC or JSON (unit tests, benchmarks, command"
                    + " line tools): express the need as a port in domain and put the adapter in"
                    + " persistence/messaging/web");

    /** HTTP adapters call use cases and ports, never another adapter. */
    public static final ArchRule WEB_DOES_NOT_REACH_INTO_ADAPTERS = noClasses()
            .that()
            .resideInAPackage("..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..messaging..")
            .allowEmptyShould(true)
            .because("resources call use cases in application, which use the domain's ports; adapters are wired in"
                    + " the feature's *Configuration");

    /** Use cases depend on ports, not on adapters or HTTP. */
    public static final ArchRule APPLICATION_DEPENDS_ON_PORTS = noClasses()
            .that()
            .resideInAPackage("..application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..persistence..", "..messaging..", "..web..")
            .allowEmptyShould(true)
            .because("use cases talk to ports; adapters and HTTP depend on them, not the other way round");

    private PlatformArchRules() {}

    /**
     * No cycles between the packages directly below {@code root} (e.g. {@code io.ridemesh.order}: {@code ride},
     * {@code unit}, {@code web} ...): a module's features can be read, tested and moved one at a time.
     */
    public static ArchRule noCyclesBelow(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .allowEmptyShould(true)
                .because("features depend on each other one way; put what two need in a third");
    }

    /**
     * Classes in an {@code internal} package are used only by their own module ({@code root}): they are not part of
     * what the module offers.
     */
    public static ArchRule internalStaysInside(String root) {
        return noClasses()
                .that()
                .resideOutsideOfPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + "..internal..")
                .allowEmptyShould(true)
                .because("internal packages are a module's own business");
    }

    /** The root packages of the services; each owns its schema and its code. */
    private static final java.util.List<String> SERVICES = java.util.List.of(
            "io.ridemesh.order",
            "io.ridemesh.dispatch",
            "io.ridemesh.pricing",
            "io.ridemesh.identity",
            "io.ridemesh.gateway",
            "io.ridemesh.sync");

    /**
     * A service ({@code root} one of the services' root packages) uses no other service's classes: what it needs of
     * another service it gets through that one's events or query API (the kit's {@code ServiceClient}), never from its
     * code or its schema. The schema half is checked where the grants are made (infra's {@code PlaygroundIT}: no
     * service is granted another's schema). Passes for modules that are not services (the region node, the benchmarks).
     */
    public static ArchRule noOtherServiceBelow(String root) {
        String[] others = SERVICES.stream()
                .filter(s -> !s.equals(root))
                .map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES.contains(root) ? others : new String[] {"io.ridemesh.none.."})
                .allowEmptyShould(true)
                .because("a service learns what another owns from its events or its query API");
    }

    /**
     * Checks the shared rules on a module's classes.
     *
     * @param root the module's root package, e.g. {@code io.ridemesh.order}
     * @throws AssertionError naming every violation
     */
    public static void checkAll(JavaClasses classes, String root) {
        if (!classes.containPackage(root)) {
            throw new AssertionError("the import holds no class below " + root + ": the rules would pass vacuously");
        }
        DOMAIN_KNOWS_NO_FRAMEWORK.check(classes);
        WEB_DOES_NOT_REACH_INTO_ADAPTERS.check(classes);
        APPLICATION_DEPENDS_ON_PORTS.check(classes);
        noCyclesBelow(root).check(classes);
        internalStaysInside(root).check(classes);
        noOtherServiceBelow(root).check(classes);
    }
}
