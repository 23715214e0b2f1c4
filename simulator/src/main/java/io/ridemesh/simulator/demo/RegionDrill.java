package io.ridemesh.simulator.demo;

import static io.ridemesh.simulator.demo.Waits.backoff;
import static io.ridemesh.simulator.demo.Waits.pause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.infra.cluster.Region;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The region-loss drill: at a point of the replay ({@link #run}, on its own thread) it kills region a abruptly,
 * measures the RPO against region b (acknowledged writes b did not have at the kill), evacuates a's units to b
 * (through b's gateway's operator API, or by the apps' routing), keeps a down for the outage, restarts it and fails
 * back. It also times the outage as riders see it: from the kill to the first NYC write sent after it and served
 * ({@link #servedAfterKill}, told by the apps). What it did goes to {@link #results} for the report; times in ms since
 * the epoch, durations in ms.
 *
 * <p>Thread-safety: the timing fields are volatile and the RPO and lag snapshots concurrent maps (the apps and the
 * report read them); {@link #results} is written by the drill's thread only and read by the report once the drill
 * ended (or the budget did).
 */
final class RegionDrill {

    /**
     * How long the drill's operator keeps asking for the fail-back: the gateway refuses it (409) until region a is
     * healthy and has applied what b wrote during the outage.
     */
    private static final Duration FAILBACK_PATIENCE = Duration.ofMinutes(4);
    /** How long the drill's operator keeps retrying a call to a gateway that does not answer. */
    private static final Duration OPERATOR_PATIENCE = Duration.ofMinutes(2);

    /** The operator who evacuates and fails back (an account of identity-service). */
    private final OperatorSessions operators;

    private final DemoCluster cluster;
    private final DemoRun.Options options;
    private final Consumer<String> out;
    private final ReplayClock clock;
    private final RideLedger ledger;
    private final Routes routes;
    private final LagReader lags;
    /** What the drill did and measured, in order (the report's {@code drill}). */
    private final Map<String, Object> results = new LinkedHashMap<>();
    /** The RPO of the drill: ride id to the status rank acknowledged in region a that b did not have at the kill. */
    private final Map<String, Integer> rpoWrites = new ConcurrentHashMap<>();
    /** Lag histograms per direction taken just before the drill's kill (see the report's lag_p99_ms_steady). */
    private final Map<String, List<double[]>> steadyLag = new ConcurrentHashMap<>();

    private volatile long killedAtMs;
    /** When {@code cluster.kill} of the drill returned (the region's processes are gone). */
    private volatile long killDoneMs;

    private volatile long firstServedAfterKillMs;

    /**
     * @param cluster the cluster to kill, restart and query
     * @param options when and how long the outage, and whether the apps call the gateways
     * @param out progress lines
     * @param clock the trip clock's zero (the drill's time and the RPO query count from it)
     * @param ledger the writes acknowledged to the apps, for the RPO
     * @param routes moved to b on the evacuation and back on the fail-back
     * @param lags read for the steady-state lag before the kill
     * @param operators the operator who evacuates and fails back
     */
    RegionDrill(
            DemoCluster cluster,
            DemoRun.Options options,
            Consumer<String> out,
            ReplayClock clock,
            RideLedger ledger,
            Routes routes,
            LagReader lags,
            OperatorSessions operators) {
        this.cluster = cluster;
        this.operators = operators;
        this.options = options;
        this.out = out;
        this.clock = clock;
        this.ledger = ledger;
        this.routes = routes;
        this.lags = lags;
    }

    /**
     * Kills region a abruptly, measures RPO against region b, evacuates a's units to b, keeps a
     * down for the outage, then restarts it and fails back.
     */
    void run(long atWallMs) {
        try {
            // at is counted from the trip clock's zero, after the drivers' log-in
            pause(Duration.ofMillis(Math.max(0, clock.startMs() - System.currentTimeMillis()) + atWallMs));
            Region a = Region.of(1);
            Region b = Region.of(2);
            out.accept("drill: killing region a (SIGKILL) ...");
            // the steady state's lag: everything both targets applied before the drill's outage and catch-up
            steadyLag.put("a->b", lags.buckets("a", b));
            steadyLag.put("b->a", lags.buckets("b", a));
            killedAtMs = System.currentTimeMillis();
            cluster.kill(a);
            killDoneMs = System.currentTimeMillis();
            results.put("killed_at_ms", killedAtMs);
            measureRpo(b);
            evacuate(a, b);
            results.put("evacuated_at_ms", System.currentTimeMillis());
            pause(options.outage());
            out.accept("drill: restarting region a ...");
            cluster.restart(a);
            // the fail-back waits (409) until a is healthy and has applied what b wrote meanwhile
            results.put("restarted_at_ms", System.currentTimeMillis());
            out.accept("drill: region a restarted; failing back once it has caught up ...");
            failBack(a);
            results.put("failed_back_at_ms", System.currentTimeMillis());
            out.accept("drill: region a is back and homes nyc again");
        } catch (Exception e) {
            results.put("error", e.toString());
            out.accept("drill failed: " + e);
        }
    }

    /**
     * Of the writes missing in b at the kill ({@link #rpoWrites}), how many b holds after region a's return: the ride
     * is there at the acknowledged status or later, or has ended (a later write superseded it).
     */
    long recoveredAfterFailback() throws SQLException {
        if (rpoWrites.isEmpty()) {
            return 0;
        }
        Map<String, String> statusInB = new HashMap<>();
        try (Connection c = cluster.rootConnection(Region.of(2));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, status, terminal FROM rides.rides WHERE id IN ("
                        + String.join(",", rpoWrites.keySet()) + ")")) {
            while (rs.next()) {
                statusInB.put(Long.toString(rs.getLong(1)), rs.getBoolean(3) ? "TERMINAL" : rs.getString(2));
            }
        }
        long recovered = 0;
        for (Map.Entry<String, Integer> e : rpoWrites.entrySet()) {
            String status = statusInB.get(e.getKey());
            if (status != null && (status.equals("TERMINAL") || rankOf(status) >= e.getValue())) {
                recovered++;
            }
        }
        return recovered;
    }

    /** Writes acknowledged to clients in region a (nyc rides) that region b does not have yet. */
    private void measureRpo(Region b) throws SQLException {
        Map<String, Integer> ranksInB = new HashMap<>();
        long startMs = clock.startMs();
        try (Connection c = cluster.rootConnection(b);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, status FROM rides.rides WHERE unit_id = 1 AND requested_at_ms >= " + startMs)) {
            while (rs.next()) {
                ranksInB.put(Long.toString(rs.getLong(1)), rankOf(rs.getString(2)));
            }
        }
        long missing = 0;
        long oldest = Long.MAX_VALUE;
        for (Map.Entry<String, Integer> e : ledger.ackedRanks().entrySet()) {
            if (GlobalIdGenerator.unitOf(Long.parseLong(e.getKey())) != 1) {
                continue;
            }
            Integer inB = ranksInB.get(e.getKey());
            if (inB == null || inB < e.getValue()) {
                missing++;
                oldest = Math.min(oldest, ledger.ackedAtMs(e.getKey(), killedAtMs));
                rpoWrites.put(e.getKey(), e.getValue());
            }
        }
        results.put("rpo_writes", missing);
        // from the oldest missing write to the moment the region was surely dead: an answer can still arrive while the
        // kill is under way (measured: -49 ms against the kill's start)
        results.put("rpo_window_ms", missing == 0 ? 0 : Math.max(0, killDoneMs - oldest));
        out.accept("drill: RPO " + missing + " acknowledged writes not yet in b at the kill");
    }

    private static int rankOf(String status) {
        return switch (status) {
            case "DRIVER_ASSIGNED" -> 1;
            case "DRIVER_ARRIVED" -> 2;
            case "IN_PROGRESS" -> 3;
            case "COMPLETED" -> 4;
            default -> 0;
        };
    }

    /**
     * Moves a's units to b. Through the gateway: waits until b's gateway declares a down, then
     * calls its operator API; directly: the clients' routing follows the unit's new home.
     */
    private void evacuate(Region from, Region to) throws Exception {
        if (!options.viaGateway()) {
            routes.moveUnits(from, to);
            results.put("evacuation", "client routing");
            out.accept("drill: nyc now homed in " + to.name());
            return;
        }
        String operator = operatorToken(to);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode regions = ops(to, "GET", "/ops/regions", operator);
            boolean down = false;
            for (JsonNode r : regions.path("regions").isArray() ? regions.path("regions") : regions) {
                if (from.name().equals(r.path("name").asText())
                        && "DOWN".equals(r.path("state").asText())) {
                    down = true;
                    results.put(
                            "declared_down_at_ms", r.path("declaredDownAtMs").asLong());
                }
            }
            if (down) {
                break;
            }
            pause(Duration.ofMillis(200));
        }
        JsonNode evacuation = ops(to, "POST", "/ops/regions/" + from.name() + "/evacuate", operator);
        results.put("evacuation", evacuation);
        routes.moveUnits(from, to);
        out.accept("drill: region " + from.name() + " declared down by " + to.name() + "'s gateway; evacuated: "
                + evacuation.path("units"));
    }

    private void failBack(Region back) throws Exception {
        routes.home(1, back);
        if (!options.viaGateway()) {
            return;
        }
        Region other = back.id() == 1 ? Region.of(2) : Region.of(1);
        String operator = operatorToken(other);
        Instant deadline = Instant.now().plus(FAILBACK_PATIENCE);
        JsonNode result = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                result = ops(other, "POST", "/ops/regions/" + back.name() + "/failback", operator);
                if (!result.has("status") || result.path("status").asInt() < 400) {
                    break;
                }
            } catch (IOException e) {
                // a gateway busy with the catch-up load: the fail-back is idempotent, try again
                results.put("failback_retries", ((Number) results.getOrDefault("failback_retries", 0)).intValue() + 1);
            }
            pause(Duration.ofSeconds(1)); // 409 until the region is healthy again and caught up
        }
        results.put("failback", result);
        routes.gatewayBack(back);
        JsonNode drills = ops(other, "GET", "/ops/drills", operator);
        for (JsonNode d : drills.path("drills")) {
            if ("evacuate".equalsIgnoreCase(d.path("kind").asText()) && d.hasNonNull("rtoMs")) {
                results.put("gateway_rto_ms", d.path("rtoMs").asLong());
                break;
            }
        }
    }

    /**
     * An operator's call to a gateway, retried with back-off for up to {@code OPERATOR_PATIENCE} when it gets no
     * response (an overloaded gateway's accept queue drops connections; the operator tries again, as with the console).
     */
    private <T> T operatorCall(Callable<T> call) throws Exception {
        Instant deadline = Instant.now().plus(OPERATOR_PATIENCE);
        for (int failures = 0; ; failures++) {
            try {
                return call.call();
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                out.accept(
                        "drill: operator call got no response (" + e.getClass().getSimpleName() + "); retrying");
                pause(backoff(Math.min(failures, 3)));
            }
        }
    }

    /**
     * The operator's HTTP client, one for the drill: HTTP/1.1 (the default, HTTP/2 offered as an h2c upgrade on plain
     * HTTP, once left a call to a gateway whose answer failed to encode waiting past its timeout).
     */
    private static final HttpClient OPERATOR_HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The operator's token, signed in at {@code via}'s identity-service through its gateway. */
    private String operatorToken(Region via) throws Exception {
        return operators.token(via);
    }

    private JsonNode ops(Region via, String method, String path, String token) throws Exception {
        var response = operatorCall(() -> OPERATOR_HTTP.send(
                HttpRequest.newBuilder(URI.create(cluster.opsUrl(via) + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                method.equals("GET")
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString("{}"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString()));
        JsonNode body = response.body().isBlank()
                ? new ObjectMapper().createObjectNode()
                : new ObjectMapper().readTree(response.body());
        if (response.statusCode() >= 400 && body.isObject()) {
            ((ObjectNode) body).put("status", response.statusCode());
        }
        return body;
    }

    /**
     * The first NYC write sent after the kill and served ends the outage as the rider sees it (RTO). A request sent
     * before the kill and answered after it does not count.
     */
    void servedAfterKill(int unitId, long sentAtMs) {
        if (unitId == 1 && killedAtMs > 0 && sentAtMs >= killedAtMs && firstServedAfterKillMs == 0) {
            firstServedAfterKillMs = System.currentTimeMillis();
        }
    }

    /** When the drill killed region a, ms since the epoch (0: not yet, or no drill). */
    long killedAtMs() {
        return killedAtMs;
    }

    /** When the first NYC write sent after the kill was served, ms since the epoch (0: none yet). */
    long firstServedAfterKillMs() {
        return firstServedAfterKillMs;
    }

    /** What the drill did and measured so far, by key, in order: the live map, not a copy. */
    Map<String, Object> results() {
        return results;
    }

    /**
     * The lag histogram of a direction ({@code a->b}, {@code b->a}) taken just before the kill, or null (no kill yet,
     * or no drill).
     */
    @Nullable
    List<double[]> steadyLag(String direction) {
        return steadyLag.get(direction);
    }
}
