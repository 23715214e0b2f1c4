package io.ridemesh.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class JvmWideHooksTest {

    static final String REGISTRAR = JvmWideHooks.REMOVED_TYPES.get(0);

    @Configuration(proxyBeanMethods = false)
    static class ServiceBeans {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        LogbackMetrics logbackMetrics(MeterRegistry registry) {
            LogbackMetrics metrics = new LogbackMetrics();
            metrics.bindTo(registry); // adds a turbo filter to the JVM's one LoggerContext
            return metrics;
        }

        @Bean
        String ownBean() {
            return "kept";
        }
    }

    /**
     * A service context as a servlet service has it in a node, started: its own beans, and what {@code
     * @EnableWebSecurity} imports when WebFlux and the resource server are present; with or without the node's filter.
     */
    private static AnnotationConfigApplicationContext serviceContext(boolean inNode) throws ClassNotFoundException {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(ServiceBeans.class);
        context.register(Class.forName(REGISTRAR.substring(0, REGISTRAR.indexOf('$'))));
        if (inNode) {
            context.addBeanFactoryPostProcessor(new JvmWideHooks());
        }
        context.refresh();
        return context;
    }

    @Test
    void aServiceContextInTheNodeCreatesNeitherHookButKeepsItsOtherBeans() throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        int turboFilters = logback.getTurboFilterList().size();
        try (AnnotationConfigApplicationContext context = serviceContext(true)) {
            assertThat(context.getBeanNamesForType(LogbackMetrics.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Class.forName(REGISTRAR))).isEmpty();
            assertThat(context.getBean("ownBean")).isEqualTo("kept");
            assertThat(logback.getTurboFilterList()).hasSize(turboFilters);
        }
    }

    @Test
    void withoutTheFilterTheSameContextHooksLogbackAndReactor() throws Exception {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        int turboFilters = logback.getTurboFilterList().size();
        try (AnnotationConfigApplicationContext context = serviceContext(false)) {
            assertThat(context.getBeanNamesForType(Class.forName(REGISTRAR))).hasSize(1);
            assertThat(context.getBeanNamesForType(LogbackMetrics.class)).hasSize(1);
            assertThat(logback.getTurboFilterList()).hasSize(turboFilters + 1);
        }
    }
}
