package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The playground's WAN proxy on real loopback sockets: region a's link to b's order-service port, with an echo
 * server standing in for the service. Base port 14000 (region a's links 15520..15526, b's order-service 16010).
 */
class WanProxyTest {

    private static final PortPlan PORTS = new PortPlan(14000);
    private static final Region A = Region.of(1);
    private static final Region B = Region.of(2);

    private ServerSocket echo;
    private Thread echoThread;
    private final java.util.List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
    private WanProxy proxy;

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket();
        // the previous test's connections to this port may linger in TIME_WAIT
        echo.setReuseAddress(true);
        // ... or closing (FIN_WAIT): the kernel lets it go within moments
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        echo.bind(new java.net.InetSocketAddress(
                                "127.0.0.1", PORTS.port(B, ComponentKind.ORDER_SERVICE)));
                        return true;
                    } catch (java.net.BindException e) {
                        return false;
                    }
                });
        echoThread = Thread.ofVirtual().start(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket s = echo.accept();
                    accepted.add(s);
                    Thread.ofVirtual().start(() -> {
                        try (s) {
                            s.getInputStream().transferTo(s.getOutputStream());
                        } catch (IOException e) {
                            // the test closed it
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        echo.close();
        // an accepted connection still open would keep the echo port from being bound by the next test
        for (Socket s : accepted) {
            s.close();
        }
    }

    @Test
    void plansOneLinkPerPeerAndKindTheKafkaLinkToThePeersListenerForThisRegion() {
        var links = WanProxy.plan(PORTS, A, 3);
        assertThat(links).hasSize(14);
        assertThat(links.getFirst())
                .isEqualTo(new WanProxy.Link(B, ComponentKind.KAFKA, 15520, PORTS.kafkaPeerListener(B, A)));
        assertThat(links)
                .contains(new WanProxy.Link(Region.of(3), ComponentKind.GATEWAY, 15535, 17080))
                .contains(new WanProxy.Link(Region.of(3), ComponentKind.IDENTITY_SERVICE, 15536, 17050))
                .noneMatch(l -> l.peer().equals(A));
    }

    @Test
    void carriesBytesBothWays() throws IOException {
        proxy = new WanProxy(PORTS, A, 2, 0, 0, Clock.systemUTC());
        try (Socket s = connectThroughProxy()) {
            assertThat(roundTrip(s, "ping")).isEqualTo("ping");
        }
    }

    @Test
    void addsTheLatencyInEachDirection() throws IOException {
        proxy = new WanProxy(PORTS, A, 2, 60, 5, Clock.systemUTC());
        try (Socket s = connectThroughProxy()) {
            roundTrip(s, "warm");
            long start = System.nanoTime();
            roundTrip(s, "ping");
            // a lower bound only: 55 ms at least each way
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(110));
        }
    }

    @Test
    void chunksInFlightDoNotWaitForEachOtherAndJitterNeverReordersBytes() throws IOException {
        proxy = new WanProxy(PORTS, A, 2, 100, 90, Clock.systemUTC());
        try (Socket s = connectThroughProxy()) {
            java.io.DataOutputStream out = new java.io.DataOutputStream(s.getOutputStream());
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            s.setTcpNoDelay(true);
            long start = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                out.writeInt(i);
                out.flush();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            for (int i = 0; i < 40; i++) {
                assertThat(in.readInt()).isEqualTo(i);
            }
            // 40 chunks 5 ms apart, 100 +- 90 ms each way: about 0.4 s when they travel together; one after the
            // other (each waiting for the one before, as NetCrusher's throttler did) would take 40 x 200 ms
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aPartitionCarriesNothingUntilHealedThenWhatWasQueuedFlows() throws IOException {
        proxy = new WanProxy(PORTS, A, 2, 0, 0, Clock.systemUTC());
        try (Socket s = connectThroughProxy()) {
            assertThat(roundTrip(s, "before")).isEqualTo("before");

            proxy.partition(B, Duration.ofMinutes(5));
            assertThat(proxy.partitioned(B)).isTrue();
            s.setSoTimeout(700);
            s.getOutputStream().write("during".getBytes());
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            proxy.heal(B);
            assertThat(proxy.partitioned(B)).isFalse();
            s.setSoTimeout(5000);
            assertThat(new String(s.getInputStream().readNBytes(6))).isEqualTo("during");
        }
    }

    @Test
    void aPartitionHealsByItselfAfterItsSeconds() {
        proxy = new WanProxy(PORTS, A, 2, 0, 0, Clock.systemUTC());
        proxy.partition(B, Duration.ofSeconds(1));
        assertThat(proxy.partitioned(B)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !proxy.partitioned(B));
    }

    @Test
    void refusesUnknownPeersUnboundedPartitionsAndJitterAboveTheLatency() {
        proxy = new WanProxy(PORTS, A, 2, 0, 0, Clock.systemUTC());
        assertThatThrownBy(() -> proxy.partition(Region.of(3), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a peer");
        assertThatThrownBy(() -> proxy.partition(B, Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seconds must be in 1..3600");
        assertThatThrownBy(() -> new WanProxy(PORTS, B, 2, 5, 10, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jitter <= latency");
    }

    @Test
    void theControlApiPartitionsHealsAndNamesTheBadParameter() throws Exception {
        proxy = new WanProxy(PORTS, A, 2, 0, 0, Clock.systemUTC());
        int control = PORTS.port(A, ComponentKind.WAN_PROXY);
        proxy.serveControl(control);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> links = http.send(get(control, "/links"), HttpResponse.BodyHandlers.ofString());
        assertThat(links.statusCode()).isEqualTo(200);
        assertThat(links.body()).contains("\"kind\":\"kafka\"").contains("\"partitionedUntilMs\":null");

        HttpResponse<String> cut =
                http.send(post(control, "/partition?peer=b&seconds=60"), HttpResponse.BodyHandlers.ofString());
        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(proxy.partitioned(B)).isTrue();

        HttpResponse<String> bad = http.send(post(control, "/partition?peer=b"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("'seconds'");

        HttpResponse<String> healed = http.send(post(control, "/heal"), HttpResponse.BodyHandlers.ofString());
        assertThat(healed.statusCode()).isEqualTo(200);
        assertThat(proxy.partitioned(B)).isFalse();
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build();
    }

    private static HttpRequest post(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private static Socket connectThroughProxy() throws IOException {
        Socket s = new Socket("127.0.0.1", PORTS.wanEgress(A, B, ComponentKind.ORDER_SERVICE));
        s.setSoTimeout(5000);
        return s;
    }

    private static String roundTrip(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes());
        out.flush();
        InputStream in = s.getInputStream();
        return new String(in.readNBytes(text.length()));
    }
}
