package io.ridemesh.gateway.health;

import io.ridemesh.gateway.region.Region;
import io.ridemesh.gateway.region.RegionState;
import io.ridemesh.gateway.region.RegionStatus;
import io.ridemesh.gateway.region.RegionStatuses;
import io.ridemesh.gateway.region.Regions;
import io.ridemesh.gateway.region.ServiceKind;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Probes {@code /actuator/health} of every configured service of every region each {@code probeInterval} (a 2xx answer
 * within {@code probeTimeout} is healthy, anything else is not) and reads each sync-sink's
 * {@code /actuator/metrics/sync.apply.lag} for the replication lag and {@code sync.apply.backlog} for what it has
 * left to apply (see {@link #applyBacklog}).
 *
 * <p>A service is unhealthy after {@code failuresBeforeUnhealthy} consecutive failed probes (one slow answer does not
 * flap a region). A region is UP when every service is healthy, DOWN when none is, DEGRADED in between. A DOWN region
 * is <b>declared down</b> as of the start of the first round in which every probe failed (the start of the failing
 * streak); {@code declaredDownAtMs} keeps that time while it stays down and clears when any probe passes again. It is
 * the baseline of a drill's RTO.
 *
 * <p>A probe is bounded by the HTTP client's connect and response timeouts ({@code probeTimeout} each).
 *
 * <p>Thread-safety: rounds run one at a time on Reactor threads (a round still running when the next is due makes that
 * tick be skipped); readers see per-region snapshots published through a concurrent map.
 */
public final class RegionHealthMonitor implements RegionStatuses, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegionHealthMonitor.class);

    private final Regions regions;
    private final WebClient http;
    private final InstantSource clock;
    private final Duration interval;
    private final int failuresBeforeUnhealthy;
    private final Map<Integer, RegionStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, LagSample> lags = new ConcurrentHashMap<>();
    private final Map<String, double[]> lagTotals = new ConcurrentHashMap<>();
    private final Map<String, Integer> consecutiveFailures = new ConcurrentHashMap<>();
    private final Map<Integer, Long> allFailingSince = new ConcurrentHashMap<>();
    /** Per region id: its sync-sink's {@code sync.apply.backlog} at the last round, -1 when it could not be read. */
    private final Map<Integer, Long> backlogs = new ConcurrentHashMap<>();

    private volatile @Nullable Disposable loop;

    public RegionHealthMonitor(
            Regions regions, WebClient http, InstantSource clock, Duration interval, int failuresBeforeUnhealthy) {
        this.regions = Objects.requireNonNull(regions, "regions");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (failuresBeforeUnhealthy < 1) {
            throw new IllegalArgumentException(
                    "failuresBeforeUnhealthy must be >= 1, but was " + failuresBeforeUnhealthy);
        }
        this.failuresBeforeUnhealthy = failuresBeforeUnhealthy;
    }

    @Override
    public RegionStatus of(Region region) {
        return statuses.getOrDefault(region.id(), RegionStatus.unknown(region));
    }

    @Override
    public java.util.OptionalLong applyBacklog(Region region) {
        if (regions.endpoint(region, ServiceKind.SYNC_SINK).isEmpty()) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(backlogs.getOrDefault(region.id(), -1L));
    }

    /** The lag of rows applied in {@code region} (from every other region), by source name. */
    public List<LagSample> lagInto(Region region) {
        return lags.values().stream()
                .filter(l -> l.target().equals(region.name()) || l.target().equals(String.valueOf(region.id())))
                .sorted(Comparator.comparing(LagSample::source))
                .toList();
    }

    /** The lag of rows from {@code region} applied in every other region, by target name. */
    public List<LagSample> lagOutOf(Region region) {
        return lags.values().stream()
                .filter(l -> l.source().equals(region.name()) || l.source().equals(String.valueOf(region.id())))
                .sorted(Comparator.comparing(LagSample::target))
                .toList();
    }

    /** Runs one probe round of every region now; completes when the round's results are published. */
    public Mono<Void> probeOnce() {
        long startedAt = clock.millis();
        return Flux.fromIterable(regions.all())
                .flatMap(region ->
                        probeRegion(region, startedAt).then(readLag(region)).then(readBacklog(region)))
                .then();
    }

    @Override
    public void start() {
        loop = Flux.interval(Duration.ZERO, interval, Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(
                        tick -> probeOnce().onErrorResume(e -> {
                            log.warn("region probe round failed: {}", e.toString());
                            return Mono.empty();
                        }),
                        0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = loop;
        if (d != null) {
            d.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }

    private Mono<Void> probeRegion(Region region, long roundStartedAt) {
        return Flux.fromIterable(regions.servicesOf(region))
                .flatMap(kind ->
                        probe(regions.endpoint(region, kind).orElseThrow()).map(up -> Map.entry(kind, up)))
                .collectList()
                .doOnNext(results -> publish(region, results, roundStartedAt))
                .then();
    }

    private Mono<Boolean> probe(URI base) {
        return http.get()
                .uri(UriComponentsBuilder.fromUri(base)
                        .path("/actuator/health")
                        .build()
                        .toUri())
                .retrieve()
                .toBodilessEntity()
                .map(r -> r.getStatusCode().is2xxSuccessful())
                // the client's connect and response timeouts bound the probe (no Mono.timeout: a connect error
                // arriving after it fired would be logged as dropped)
                .onErrorReturn(false);
    }

    private void publish(Region region, List<Map.Entry<ServiceKind, Boolean>> results, long roundStartedAt) {
        List<ServiceKind> healthy = new ArrayList<>();
        List<ServiceKind> unhealthy = new ArrayList<>();
        boolean anyPassed = false;
        for (Map.Entry<ServiceKind, Boolean> e :
                results.stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String key = region.name() + "/" + e.getKey().id();
            int failures = e.getValue() ? 0 : consecutiveFailures.getOrDefault(key, 0) + 1;
            consecutiveFailures.put(key, failures);
            anyPassed |= e.getValue();
            (failures >= failuresBeforeUnhealthy ? unhealthy : healthy).add(e.getKey());
        }
        if (anyPassed) {
            allFailingSince.remove(region.id());
        } else {
            allFailingSince.putIfAbsent(region.id(), roundStartedAt);
        }
        RegionState state =
                healthy.isEmpty() ? RegionState.DOWN : unhealthy.isEmpty() ? RegionState.UP : RegionState.DEGRADED;
        RegionStatus previous = of(region);
        Long declaredDown = null;
        if (state == RegionState.DOWN) {
            declaredDown = allFailingSince.getOrDefault(region.id(), roundStartedAt);
            if (previous.state() != RegionState.DOWN) {
                log.warn(
                        "region {} declared DOWN: every probe failed since {} ({})",
                        region.name(),
                        declaredDown,
                        unhealthy);
            }
        } else if (previous.state() == RegionState.DOWN) {
            log.info("region {} is back: {} ({} healthy)", region.name(), state, healthy);
        }
        statuses.put(region.id(), new RegionStatus(region, state, healthy, unhealthy, declaredDown, clock.millis()));
    }

    private Mono<Void> readLag(Region region) {
        URI sync = regions.endpoint(region, ServiceKind.SYNC_SINK).orElse(null);
        if (sync == null) {
            return Mono.empty();
        }
        return metric(sync, "sync.apply.lag", null)
                .flatMapMany(root -> Flux.fromIterable(tagValues(root, "source")))
                .flatMap(source ->
                        metric(sync, "sync.apply.lag", source).doOnNext(root -> recordLag(region, source, root)))
                .then()
                .onErrorResume(e -> Mono.empty());
    }

    /** Reads the region's sync-sink gauge {@code sync.apply.backlog} (see {@link #applyBacklog}). */
    private Mono<Void> readBacklog(Region region) {
        URI sync = regions.endpoint(region, ServiceKind.SYNC_SINK).orElse(null);
        if (sync == null) {
            return Mono.empty();
        }
        return metric(sync, "sync.apply.backlog", null)
                .doOnNext(root -> {
                    long value = -1;
                    for (JsonNode m : root.path("measurements")) {
                        if ("VALUE".equals(m.path("statistic").asString(""))) {
                            value = (long) m.path("value").asDouble(-1);
                        }
                    }
                    backlogs.put(region.id(), value);
                })
                .then()
                .onErrorResume(e -> {
                    backlogs.put(region.id(), -1L);
                    return Mono.empty();
                });
    }

    /** {@code /actuator/metrics/<name>} of a sync-sink, for one {@code source} tag value or (null) all. */
    private Mono<JsonNode> metric(URI sync, String name, @Nullable String source) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(sync).path("/actuator/metrics/" + name);
        if (source != null) {
            uri.queryParam("tag", "source:" + source);
        }
        return http.get().uri(uri.build().toUri()).retrieve().bodyToMono(JsonNode.class);
    }

    private static List<String> tagValues(JsonNode root, String tag) {
        List<String> out = new ArrayList<>();
        for (JsonNode t : root.path("availableTags")) {
            if (tag.equals(t.path("tag").asString(""))) {
                t.path("values").forEach(v -> out.add(v.asString("")));
            }
        }
        return out;
    }

    private void recordLag(Region target, String source, JsonNode root) {
        double count = 0;
        double totalSeconds = 0;
        Double maxMs = null;
        for (JsonNode m : root.path("measurements")) {
            String stat = m.path("statistic").asString("");
            double v = m.path("value").asDouble(0);
            switch (stat) {
                case "COUNT" -> count = v;
                case "TOTAL_TIME" -> totalSeconds = v;
                case "MAX" -> maxMs = v * 1000;
                default -> {
                    // other statistics are not used
                }
            }
        }
        String key = source + ">" + target.name();
        double[] prev = lagTotals.put(key, new double[] {count, totalSeconds});
        Double recentMean = null;
        if (prev != null && count > prev[0]) {
            recentMean = (totalSeconds - prev[1]) * 1000 / (count - prev[0]);
        }
        lags.put(key, new LagSample(source, target.name(), recentMean, maxMs, (long) count, clock.millis()));
    }
}
