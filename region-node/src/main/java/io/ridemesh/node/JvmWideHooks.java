package io.ridemesh.node;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.util.ClassUtils;

/**
 * Keeps a service context of a region node from installing hooks that act on the whole JVM: a process of its own
 * installs them for itself alone, in a node they would act on every other service too.
 *
 * <p>It removes, before any bean is created, the bean definitions of:
 *
 * <ul>
 *   <li>Spring Security's {@code SecurityReactorContextSubscriberRegistrar}. A servlet service with Spring Security's
 *       resource server registers it when Spring WebFlux is on the classpath (for servlet apps that call {@code
 *       WebClient} with the caller's security context). Its {@code Hooks.onLastOperator} is static in Reactor, so it
 *       wraps every Mono and Flux of the JVM. In a node the classpath holds the gateway's WebFlux, so order-service,
 *       pricing-service and sync-sink installed it, and it wrapped each operator of the gateway's reactive pipeline:
 *       3.7% of the node's CPU samples in {@code ./platform demo} were in it, plus its {@code currentContext()} walks.
 *       No hosted service calls {@code WebClient} with a servlet security context; as processes of their own, only
 *       dispatch-service has WebFlux on its classpath.
 *   <li>Micrometer's {@code LogbackMetrics}. It adds a turbo filter to Logback's one {@code LoggerContext} and counts
 *       log events into its context's registry. In a node five contexts added five filters; each asked all five
 *       for every logger call, debug calls below the level included (Debezium's capture loop logs at debug 100 times
 *       a second), and each service's {@code logback.events} counted the whole node's events. In a node the
 *       services have no {@code logback.events} meter.
 * </ul>
 *
 * <p>Added by {@link RegionNode} to every service context it starts; does nothing to a context without these beans.
 * Stateless; thread-safe.
 */
final class JvmWideHooks implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(JvmWideHooks.class);

    /** Classes whose beans install JVM-wide hooks (names, so that a service without them needs none of them). */
    static final List<String> REMOVED_TYPES = List.of(
            "org.springframework.security.config.annotation.web.configuration."
                    + "SecurityReactorContextConfiguration$SecurityReactorContextSubscriberRegistrar",
            "io.micrometer.core.instrument.binder.logging.LogbackMetrics");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
            return;
        }
        for (String name : removable(beanFactory)) {
            registry.removeBeanDefinition(name);
            log.debug("region node: bean {} not created (it would hook the whole JVM)", name);
        }
    }

    /**
     * The names of the beans of one of {@link #REMOVED_TYPES} (by bean class or factory method return type, without
     * creating anything).
     */
    static List<String> removable(ConfigurableListableBeanFactory beanFactory) {
        List<String> names = new ArrayList<>();
        ClassLoader classLoader = beanFactory.getBeanClassLoader();
        for (String typeName : REMOVED_TYPES) {
            if (ClassUtils.isPresent(typeName, classLoader)) {
                Class<?> type = ClassUtils.resolveClassName(typeName, classLoader);
                names.addAll(List.of(beanFactory.getBeanNamesForType(type, true, false)));
            }
        }
        return names;
    }
}
