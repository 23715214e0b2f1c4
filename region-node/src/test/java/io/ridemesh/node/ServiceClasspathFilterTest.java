package io.ridemesh.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.mock.env.MockEnvironment;

class ServiceClasspathFilterTest {

    private static final AutoConfigurationMetadata NO_METADATA = new AutoConfigurationMetadata() {
        @Override
        public boolean wasProcessed(String className) {
            return false;
        }

        @Override
        public Integer getInteger(String className, String key) {
            return null;
        }

        @Override
        public Integer getInteger(String className, String key, Integer defaultValue) {
            return defaultValue;
        }

        @Override
        public Set<String> getSet(String className, String key) {
            return null;
        }

        @Override
        public Set<String> getSet(String className, String key, Set<String> defaultValue) {
            return defaultValue;
        }

        @Override
        public String get(String className, String key) {
            return null;
        }

        @Override
        public String get(String className, String key, String defaultValue) {
            return defaultValue;
        }
    };

    @Test
    void parsesFileNamesFromABuildClasspathList() {
        assertThat(ServiceClasspathFilter.parse("lib/a-1.0.jar,lib/b-2.jar\n/x/y/c.jar,"))
                .containsExactlyInAnyOrder("a-1.0.jar", "b-2.jar", "c.jar");
    }

    @Test
    void findsTheJarOfAClassAndNoneForAClassOutsideJars() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(ServiceClasspathFilter.jarOf("org.springframework.boot.SpringApplication", loader))
                .startsWith("spring-boot-")
                .endsWith(".jar");
        assertThat(ServiceClasspathFilter.jarOf(ServiceClasspathFilterTest.class.getName(), loader))
                .isNull();
        assertThat(ServiceClasspathFilter.jarOf("no.such.Type", loader)).isNull();
    }

    @Test
    void keepsOnlyAutoConfigurationsFromTheServicesOwnJars() {
        ServiceClasspathFilter filter = filterFor("sync-sink");
        String kafka = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration";
        String gateway = "org.springframework.cloud.gateway.config.GatewayAutoConfiguration";
        String jdbc = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

        boolean[] matches = filter.match(new String[] {kafka, gateway, jdbc, null}, NO_METADATA);

        // sync-sink has JDBC but neither Spring Kafka (it uses the plain client) nor Spring Cloud Gateway
        assertThat(matches).containsExactly(false, false, true, true);
    }

    @Test
    void gatewayKeepsItsReactiveStackAndDropsSpringMvc() {
        ServiceClasspathFilter filter = filterFor("gateway");
        String gateway = "org.springframework.cloud.gateway.config.GatewayAutoConfiguration";
        String mvc = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration";

        assertThat(filter.match(new String[] {gateway, mvc}, NO_METADATA)).containsExactly(true, false);
    }

    @Test
    void keepsEverythingOutsideARegionNode() {
        ServiceClasspathFilter filter = new ServiceClasspathFilter();
        filter.setEnvironment(new MockEnvironment());
        filter.setBeanClassLoader(getClass().getClassLoader());

        assertThat(filter.match(
                        new String[] {"org.springframework.cloud.gateway.config.GatewayAutoConfiguration"},
                        NO_METADATA))
                .containsExactly(true);
    }

    @Test
    void refusesAServiceWhoseJarHasNoClasspathList() {
        assertThatThrownBy(() -> ServiceClasspathFilter.jarsOf(
                        "no-such-service", getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("META-INF/ridemesh/classpath/no-such-service.txt")
                .hasMessageContaining("rebuild no-such-service");
    }

    private ServiceClasspathFilter filterFor(String service) {
        ServiceClasspathFilter filter = new ServiceClasspathFilter();
        filter.setEnvironment(new MockEnvironment().withProperty(ServiceClasspathFilter.SERVICE_PROPERTY, service));
        filter.setBeanClassLoader(getClass().getClassLoader());
        return filter;
    }
}
