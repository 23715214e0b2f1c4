package io.ridemesh.infra.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One region's end of the wide-area network in the playground: a TCP proxy on every connection the region opens to
 * a peer region (its apply to the peer's Kafka, its gateway to the peer's services), which delays every chunk of
 * bytes by a one-way latency with jitter, in both directions, and can cut every link to a peer for a bounded time (a
 * partition). Each link is a {@link WanLink} (Netty, one event loop for all of them); this class lays the links out
 * by the {@link PortPlan} and serves the control API.
 *
 * <p><b>Partition.</b> A partitioned link is cut, not closed (see {@link WanLink}): its connections stay open and
 * carry nothing, and new connections wait in the listen backlog, as on a network that drops packets; clients notice
 * through their own timeouts. Healing delivers what was held. A partition always ends by itself after the seconds it
 * was given (at most {@value #MAX_PARTITION_SECONDS}), so a drill that dies half-way leaves no cut link.
 *
 * <p><b>Control API</b> (HTTP on 127.0.0.1 at {@code PortPlan.port(region, WAN_PROXY)}, JSON answers):
 * {@code GET /health}; {@code GET /links} (every link: peer, kind, listen and connect port, connections,
 * partitioned until, in epoch ms); {@code POST /partition?peer=b&seconds=60}; {@code POST /heal} (every peer) or
 * {@code POST /heal?peer=b}. Errors answer 400 with {@code {"error": "..."}}.
 *
 * <p>Thread-safety: the control API and the timer may call {@link #partition} and {@link #heal} concurrently; both
 * are synchronized.
 */
public final class WanProxy implements AutoCloseable {

    /** The longest partition one call may ask for, in seconds. */
    public static final int MAX_PARTITION_SECONDS = 3600;

    private static final Logger log = LoggerFactory.getLogger(WanProxy.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ComponentKind> LINKED_KINDS = List.of(
            ComponentKind.KAFKA,
            ComponentKind.ORDER_SERVICE,
            ComponentKind.PRICING_SERVICE,
            ComponentKind.DISPATCH_SERVICE,
            ComponentKind.SYNC_SINK,
            ComponentKind.GATEWAY,
            ComponentKind.IDENTITY_SERVICE);

    /**
     * One proxied link.
     *
     * @param peer the region the link leads to
     * @param kind what it reaches there
     * @param listenPort where the region's clients connect (the region's egress port)
     * @param connectPort the peer's port the link forwards to
     */
    public record Link(Region peer, ComponentKind kind, int listenPort, int connectPort) {}

    private final Region region;
    private final List<Link> links;
    private final Map<Link, WanLink> wanLinks = new LinkedHashMap<>();
    private final Map<Region, Long> partitionedUntil = new ConcurrentHashMap<>();
    private final Map<Region, ScheduledFuture<?>> heals = new ConcurrentHashMap<>();
    private final io.netty.channel.EventLoopGroup group;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final long latencyMs;
    private final long jitterMs;
    private HttpServer control;

    /**
     * Lays out {@code region}'s links to every other of {@code regionCount} regions and opens them.
     *
     * @param latencyMs one-way delay added to every chunk in each direction, ms (0: none)
     * @param jitterMs the delay varies by up to this much either way, ms (bytes are never reordered)
     * @throws IllegalArgumentException if a latency is negative or the jitter exceeds the latency
     * @throws UncheckedIOException if a port cannot be bound
     */
    public WanProxy(PortPlan ports, Region region, int regionCount, long latencyMs, long jitterMs, Clock clock) {
        if (latencyMs < 0 || jitterMs < 0 || jitterMs > latencyMs) {
            throw new IllegalArgumentException("latency and jitter must be >= 0 and jitter <= latency, but were "
                    + latencyMs + " ms and " + jitterMs + " ms");
        }
        this.region = region;
        this.latencyMs = latencyMs;
        this.jitterMs = jitterMs;
        this.clock = clock;
        this.links = plan(ports, region, regionCount);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wan-heal");
            t.setDaemon(true);
            return t;
        });
        this.group = WanLink.eventLoops();
        for (Link link : links) {
            wanLinks.put(link, new WanLink(group, link.listenPort(), link.connectPort(), latencyMs, jitterMs));
        }
    }

    /** The links of {@code region} to its peers, in region then kind order. */
    public static List<Link> plan(PortPlan ports, Region region, int regionCount) {
        List<Link> plan = new ArrayList<>();
        for (int id = 1; id <= regionCount; id++) {
            Region peer = Region.of(id);
            if (peer.equals(region)) {
                continue;
            }
            for (ComponentKind kind : LINKED_KINDS) {
                int connect =
                        kind == ComponentKind.KAFKA ? ports.kafkaPeerListener(peer, region) : ports.port(peer, kind);
                plan.add(new Link(peer, kind, ports.wanEgress(region, peer, kind), connect));
            }
        }
        return List.copyOf(plan);
    }

    /** The links this proxy serves. */
    public List<Link> links() {
        return links;
    }

    /**
     * Cuts every link to {@code peer} for {@code duration}, then heals it by itself; a second call replaces the
     * first's end.
     *
     * @throws IllegalArgumentException if {@code peer} is not a peer of this region, or {@code duration} is not in
     *     1 s..{@value #MAX_PARTITION_SECONDS} s
     */
    public synchronized void partition(Region peer, Duration duration) {
        requirePeer(peer);
        if (duration.toSeconds() < 1 || duration.toSeconds() > MAX_PARTITION_SECONDS) {
            throw new IllegalArgumentException(
                    "seconds must be in 1.." + MAX_PARTITION_SECONDS + ", but was " + duration.toSeconds());
        }
        wanLinks.forEach((link, wan) -> {
            if (link.peer().equals(peer)) {
                wan.partition();
            }
        });
        partitionedUntil.put(peer, clock.millis() + duration.toMillis());
        ScheduledFuture<?> earlier =
                heals.put(peer, timer.schedule(() -> heal(peer), duration.toMillis(), TimeUnit.MILLISECONDS));
        if (earlier != null) {
            earlier.cancel(false);
        }
        log.warn("region {}: links to {} partitioned for {} s", region.name(), peer.name(), duration.toSeconds());
    }

    /**
     * Restores every link to {@code peer} (no-op when not partitioned).
     *
     * @throws IllegalArgumentException if {@code peer} is not a peer of this region
     */
    public synchronized void heal(Region peer) {
        requirePeer(peer);
        wanLinks.forEach((link, wan) -> {
            if (link.peer().equals(peer)) {
                wan.heal();
            }
        });
        if (partitionedUntil.remove(peer) != null) {
            log.warn("region {}: links to {} healed", region.name(), peer.name());
        }
        ScheduledFuture<?> pending = heals.remove(peer);
        if (pending != null) {
            pending.cancel(false);
        }
    }

    /** Restores every link of this region. */
    public synchronized void healAll() {
        for (Link link : links) {
            heal(link.peer());
        }
    }

    /** Whether the links to {@code peer} are cut now. */
    public boolean partitioned(Region peer) {
        return partitionedUntil.containsKey(peer);
    }

    /**
     * Serves the control API on 127.0.0.1:{@code port}.
     *
     * @throws UncheckedIOException if the port cannot be bound
     */
    public void serveControl(int port) {
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the WAN proxy's control port " + port, e);
        }
        control.createContext("/", this::handle);
        control.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            try {
                Object body =
                        switch (method + " " + path) {
                            case "GET /health" -> Map.of("status", "UP");
                            case "GET /links" -> describe();
                            case "POST /partition" -> {
                                partition(peer(query), Duration.ofSeconds(Long.parseLong(required(query, "seconds"))));
                                yield describe();
                            }
                            case "POST /heal" -> {
                                if (query.containsKey("peer")) {
                                    heal(peer(query));
                                } else {
                                    healAll();
                                }
                                yield describe();
                            }
                            default -> null;
                        };
                if (body == null) {
                    send(exchange, 404, Map.of("error", "no " + method + " " + path));
                } else {
                    send(exchange, 200, body);
                }
            } catch (IllegalArgumentException e) {
                send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            }
        }
    }

    private Map<String, Object> describe() {
        List<Map<String, Object>> rows = new ArrayList<>();
        wanLinks.forEach((link, wan) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("peer", link.peer().name());
            row.put("kind", link.kind().id());
            row.put("listen", link.listenPort());
            row.put("connect", link.connectPort());
            row.put("connections", wan.connections());
            row.put("partitionedUntilMs", partitionedUntil.get(link.peer()));
            rows.add(row);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region.name());
        body.put("latencyMs", latencyMs);
        body.put("jitterMs", jitterMs);
        body.put("links", rows);
        return body;
    }

    private Region peer(Map<String, String> query) {
        return Region.named(required(query, "peer"));
    }

    private void requirePeer(Region peer) {
        if (links.stream().noneMatch(l -> l.peer().equals(peer))) {
            throw new IllegalArgumentException("peer " + peer.name() + " is not a peer region of " + region.name());
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return value;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new LinkedHashMap<>();
        if (raw == null) {
            return map;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        if (control != null) {
            control.stop(0);
        }
        timer.shutdownNow();
        wanLinks.values().forEach(WanLink::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /**
     * Runs region {@code --region}'s proxy until the process is stopped. Arguments: {@code --region a --regions 3
     * --base-port 20000 --latency-ms 30 --jitter-ms 3}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, but got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        PortPlan ports = new PortPlan(Integer.parseInt(options.getOrDefault("base-port", "" + PortPlan.DEFAULT_BASE)));
        Region region = Region.named(required(options, "region"));
        WanProxy proxy = new WanProxy(
                ports,
                region,
                Integer.parseInt(required(options, "regions")),
                Long.parseLong(options.getOrDefault("latency-ms", "0")),
                Long.parseLong(options.getOrDefault("jitter-ms", "0")),
                Clock.systemUTC());
        proxy.serveControl(ports.port(region, ComponentKind.WAN_PROXY));
        log.info(
                "region {}: {} links to peers, latency {} ms (jitter {} ms), control on {}",
                region.name(),
                proxy.links().size(),
                proxy.latencyMs,
                proxy.jitterMs,
                ports.port(region, ComponentKind.WAN_PROXY));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            proxy.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
