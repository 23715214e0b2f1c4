package io.ridemesh.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionNodeTest {

    @TempDir
    Path dir;

    @Test
    void hostsTheServicesWhoseEnvironmentFilesAreInTheDirectory() throws Exception {
        Files.writeString(dir.resolve("gateway.env"), "SERVER_PORT=21080\nRIDEMESH_QUOTE_SECRET=ab\\=cd\n");
        Files.writeString(dir.resolve("order-service.env"), "SERVER_PORT=21010\n");
        Files.writeString(dir.resolve("notes.txt"), "not an env file");

        Map<HostedService, Map<String, String>> services = RegionNode.servicesIn(dir);

        assertThat(services).containsOnlyKeys(HostedService.ORDER_SERVICE, HostedService.GATEWAY);
        assertThat(services.get(HostedService.GATEWAY))
                .containsEntry("SERVER_PORT", "21080")
                .containsEntry("RIDEMESH_QUOTE_SECRET", "ab=cd");
        // start order, and the reverse of the stop order: sync-sink first, the gateway last
        assertThat(services.keySet()).containsExactly(HostedService.ORDER_SERVICE, HostedService.GATEWAY);
    }

    @Test
    void refusesAnEmptyDirectoryAndAnUnknownService() throws Exception {
        assertThatThrownBy(() -> RegionNode.servicesIn(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to host");

        Files.writeString(dir.resolve("billing.env"), "SERVER_PORT=1\n");
        assertThatThrownBy(() -> RegionNode.servicesIn(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("order-service");
    }

    @Test
    void eachContextReadsItsOwnServicesApplicationYml() {
        Map<String, Object> properties = RegionNode.nodeProperties(HostedService.ORDER_SERVICE);

        assertThat(properties)
                .containsEntry(ServiceClasspathFilter.SERVICE_PROPERTY, "order-service")
                .containsEntry("management.metrics.use-global-registry", "false")
                .containsEntry("spring.web.resources.add-mappings", "false");
        assertThat((String) properties.get("spring.config.location"))
                .startsWith("optional:")
                .contains("order-service")
                .endsWith("application.yml");
    }

    @Test
    void onlyAServiceWithStaticResourcesServesThem() {
        assertThat(RegionNode.nodeProperties(HostedService.GATEWAY))
                .doesNotContainKey("spring.web.resources.add-mappings");
    }

    @Test
    void syncSinkPollsCaptureLessOftenInANodeAndNothingElseIsTouched() {
        assertThat(RegionNode.nodeProperties(HostedService.SYNC_SINK))
                .containsEntry("sync.capture.poll-interval", "25ms");
        assertThat(RegionNode.nodeProperties(HostedService.DISPATCH_SERVICE))
                .doesNotContainKey("sync.capture.poll-interval");
    }

    @Test
    void resourceUrlsPointIntoJarsAndDirectories() {
        assertThat(RegionNode.resourceIn("file:/x/lib/gateway-0.1.jar", "application.yml"))
                .isEqualTo("jar:file:/x/lib/gateway-0.1.jar!/application.yml");
        assertThat(RegionNode.resourceIn("file:/x/gateway/target/classes/", "application.yml"))
                .isEqualTo("file:/x/gateway/target/classes/application.yml");
    }
}
