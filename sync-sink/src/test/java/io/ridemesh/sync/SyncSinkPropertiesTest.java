package io.ridemesh.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding of {@code sync.*}: setting one nested property leaves the others at their defaults. */
class SyncSinkPropertiesTest {

    static SyncSinkProperties bind(Map<String, String> extra) {
        Map<String, String> props = new java.util.HashMap<>(Map.of(
                "sync.region-id", "1",
                "sync.region-name", "a",
                "sync.database-port", "21306",
                "sync.kafka-bootstrap", "127.0.0.1:19092"));
        props.putAll(extra);
        return new Binder(new MapConfigurationPropertySource(props)).bindOrCreate("sync", SyncSinkProperties.class);
    }

    @Test
    void captureAndApplyAreOnByDefault() {
        SyncSinkProperties p = bind(Map.of());
        assertThat(p.capture().enabled()).isTrue();
        assertThat(p.apply().enabled()).isTrue();
        assertThat(p.capture().pollInterval()).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void settingAnotherCaptureOrApplyPropertyDoesNotSwitchThemOff() {
        SyncSinkProperties p = bind(Map.of("sync.capture.poll-interval", "5ms", "sync.apply.max-batch", "500"));
        assertThat(p.capture().pollInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(p.capture().enabled()).isTrue();
        assertThat(p.apply().maxBatch()).isEqualTo(500);
        assertThat(p.apply().enabled()).isTrue();
    }

    @Test
    void captureCanBeSwitchedOff() {
        assertThat(bind(Map.of("sync.capture.enabled", "false")).capture().enabled())
                .isFalse();
    }

    @Test
    void applyWritesInARegionsOwnGtidDomainWithTheMariaDbConnector() {
        assertThat(bind(Map.of()).apply().gtidDomainId()).isEqualTo(10_001L);
        assertThat(bind(Map.of("sync.region-id", "3", "sync.region-name", "c"))
                        .apply()
                        .gtidDomainId())
                .isEqualTo(10_003L);
        assertThat(bind(Map.of("sync.apply.gtid-domain-id", "0")).apply().gtidDomainId())
                .isZero();
    }

    @Test
    void theMySqlConnectorHasNoGtidDomains() {
        assertThat(bind(Map.of("sync.connector", "mysql")).apply().gtidDomainId())
                .isZero();
        assertThatThrownBy(() -> bind(Map.of("sync.connector", "mysql", "sync.apply.gtid-domain-id", "7")))
                .rootCause()
                .hasMessageContaining("sync.apply.gtid-domain-id needs the mariadb connector");
    }

    @Test
    void peersNameTheClusterOfEachOtherRegion() {
        SyncSinkProperties p = bind(Map.of("sync.peers.b", "127.0.0.1:22092", "sync.peers.c", "127.0.0.1:23092"));
        assertThat(p.peers())
                .containsExactlyInAnyOrderEntriesOf(Map.of("b", "127.0.0.1:22092", "c", "127.0.0.1:23092"));
        assertThat(bind(Map.of()).peers()).isEmpty();
    }

    @Test
    void aRegionIsNotItsOwnPeer() {
        assertThatThrownBy(() -> bind(Map.of("sync.peers.a", "127.0.0.1:21092")))
                .rootCause()
                .hasMessageContaining("sync.peers names this region (a)");
        assertThatThrownBy(() -> bind(Map.of("sync.peers.bb", "127.0.0.1:21092")))
                .rootCause()
                .hasMessageContaining("sync.peers keys are region names");
    }
}
