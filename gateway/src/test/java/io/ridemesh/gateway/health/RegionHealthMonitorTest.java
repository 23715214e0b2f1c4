package io.ridemesh.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.RegionState;
import io.ridemesh.gateway.region.RegionStatus;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import io.ridemesh.gateway.support.StubRegion;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Probe rounds against stub regions, driven one at a time with a clock the test moves. */
class RegionHealthMonitorTest {

    private static final Region A = new Region(1, "a");
    private static final Region B = new Region(2, "b");
    private static final Region C = new Region(3, "c");
    private static StubRegion a;
    private static StubRegion b;
    private static int deadPort;

    private final AtomicLong now =
            new AtomicLong(Instant.parse("2026-03-02T10:00:00Z").toEpochMilli());
    private final InstantSource clock = () -> Instant.ofEpochMilli(now.get());

    @BeforeAll
    static void stubs() throws IOException {
        a = new StubRegion("a");
        b = new StubRegion("b");
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static Map<ServiceKind, URI> services(StubRegion stub) {
        Map<ServiceKind, URI> m = new EnumMap<>(ServiceKind.class);
        for (ServiceKind k : List.of(
                ServiceKind.ORDER_SERVICE,
                ServiceKind.PRICING_SERVICE,
                ServiceKind.DISPATCH_SERVICE,
                ServiceKind.SYNC_SINK)) {
            m.put(k, URI.create(stub.url(k.id())));
        }
        return m;
    }

    private RegionHealthMonitor monitor() {
        a.clear();
        b.clear();
        a.healthy(true);
        b.healthy(true);
        Map<ServiceKind, URI> dead = Map.of(ServiceKind.ORDER_SERVICE, URI.create("http://127.0.0.1:" + deadPort));
        Regions regions = new Regions(List.of(A, B, C), A, Map.of(1, services(a), 2, services(b), 3, dead));
        return new RegionHealthMonitor(regions, WebClient.create(), clock, Duration.ofSeconds(1), 2);
    }

    private void round(RegionHealthMonitor monitor) {
        monitor.probeOnce().block(Duration.ofSeconds(10));
        now.addAndGet(1_000);
    }

    @Test
    void classifiesRegionsAfterConsecutiveFailuresAndDeclaresDownAtTheFirstFailingRound() {
        RegionHealthMonitor monitor = monitor();
        assertThat(monitor.of(A).state()).isEqualTo(RegionState.UNKNOWN);
        long first = now.get();
        round(monitor);
        assertThat(monitor.of(A).state()).isEqualTo(RegionState.UP);
        assertThat(monitor.of(A).canServe()).isTrue();
        assertThat(monitor.of(C).state()).as("one failure is not enough").isEqualTo(RegionState.UP);
        round(monitor);
        RegionStatus c = monitor.of(C);
        assertThat(c.state()).isEqualTo(RegionState.DOWN);
        assertThat(c.declaredDownAtMs()).as("the start of the failing streak").isEqualTo(first);
        round(monitor);
        assertThat(monitor.of(C).declaredDownAtMs()).as("kept while down").isEqualTo(first);

        b.healthy(false);
        round(monitor);
        round(monitor);
        assertThat(monitor.of(B).state()).isEqualTo(RegionState.DOWN);
        b.healthy(true);
        round(monitor);
        assertThat(monitor.of(B).state()).isEqualTo(RegionState.UP);
        assertThat(monitor.of(B).declaredDownAtMs()).isNull();
    }

    @Test
    void readsReplicationLagFromEachSyncSink() {
        RegionHealthMonitor monitor = monitor();
        a.lag("b", 10, 0.050, 0.012);
        round(monitor);
        assertThat(monitor.lagInto(A)).singleElement().satisfies(l -> {
            assertThat(l.source()).isEqualTo("b");
            assertThat(l.target()).isEqualTo("a");
            assertThat(l.maxMs()).isEqualTo(12.0);
            assertThat(l.recentMeanMs()).as("no previous sample").isNull();
            assertThat(l.applied()).isEqualTo(10);
        });
        a.lag("b", 20, 0.250, 0.030);
        round(monitor);
        assertThat(monitor.lagInto(A).get(0).recentMeanMs()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(monitor.lagOutOf(B))
                .singleElement()
                .extracting(LagSample::target)
                .isEqualTo("a");
        assertThat(monitor.lagInto(B)).isEmpty();
    }
}
