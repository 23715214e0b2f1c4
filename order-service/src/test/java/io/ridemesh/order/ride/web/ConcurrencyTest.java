package io.ridemesh.order.ride.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.order.support.OrderServiceTest;
import io.ridemesh.order.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Races over real HTTP (embedded Tomcat, H2): the versioned CAS and the idempotency key hold under contention. */
class ConcurrencyTest extends OrderServiceTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(50);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @RepeatedTest(5)
    void twoDriversAssignedToOneRideConcurrentlyExactlyOneSucceedsTheOtherGets409() throws Exception {
        String rideId = requestedRide(user("rider"));
        List<String> drivers = List.of(user("driver"), user("driver"));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (String driver : drivers) {
            calls.add(pool.submit(() -> {
                start.await();
                return send(HttpRequest.newBuilder(uri("/v1/rides/" + rideId + "/assign"))
                        .header("Authorization", Tokens.bearer(Tokens.service("dispatch-service")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(assignBody(driver)))
                        .build());
            }));
        }
        start.countDown();

        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            responses.add(call.get(60, TimeUnit.SECONDS));
        }

        assertThat(responses.stream().map(HttpResponse::statusCode)).containsExactlyInAnyOrder(200, 409);
        HttpResponse<String> won = responses.stream()
                .filter(r -> r.statusCode() == 200)
                .findFirst()
                .orElseThrow();
        HttpResponse<String> lost = responses.stream()
                .filter(r -> r.statusCode() == 409)
                .findFirst()
                .orElseThrow();
        String winner = JSON.readTree(won.body()).get("driverId").asString();
        assertThat(winner).isIn(drivers);
        assertThat(lost.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(lost.body());
        String type = problem.get("type").asString();
        assertThat(type).isIn("urn:ridemesh:problem:stale-write", "urn:ridemesh:problem:illegal-ride-transition");
        assertThat(problem.get("currentStatus").asString()).isEqualTo("DRIVER_ASSIGNED");
        assertThat(problem.has("ride"))
                .as("dispatch-service may see every ride: only a stale write carries the ride, the one that won")
                .isEqualTo(type.equals("urn:ridemesh:problem:stale-write"));
        if (problem.has("ride")) {
            assertThat(problem.get("ride").get("driverId").asString()).isEqualTo(winner);
        }
        assertThat(jdbc.queryForObject(
                        "SELECT driver_id FROM rides WHERE id = ?", String.class, Long.parseLong(rideId)))
                .isEqualTo(winner);
        assertThat(eventTypes(rideId)).containsExactly("RideRequested", "DriverAssigned");
    }

    @Test
    void fiftyConcurrentRetriesOfOneCreateMakeExactlyOneRide() throws Exception {
        String rider = user("rider");
        String key = key();
        String body = body(quote(rider));
        long rides = rideRows();
        long events = outboxRows();
        List<HttpResponse<String>> responses = createRidesAtOnce(50, rider, body, i -> key);

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(responses.stream().map(HttpResponse::statusCode).collect(Collectors.toSet()))
                .as(responses.stream().map(HttpResponse::body).toList().toString())
                .isSubsetOf(Set.of(200, 201));
        Set<String> ids = responses.stream()
                .map(r -> JSON.readTree(r.body()).get("id").asString())
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(rideRows()).isEqualTo(rides + 1);
        assertThat(outboxRows()).isEqualTo(events + 1);
        assertThat(eventTypes(ids.iterator().next())).containsExactly("RideRequested");
    }

    @Test
    void twentyConcurrentRequestsWithOneQuoteAndDifferentKeysMakeExactlyOneRide() throws Exception {
        String rider = user("rider");
        String body = body(quote(rider));
        long rides = rideRows();
        long events = outboxRows();
        List<HttpResponse<String>> responses = createRidesAtOnce(20, rider, body, i -> key());

        assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(1);
        assertThat(responses.stream().filter(r -> r.statusCode() != 201))
                .as(responses.stream().map(HttpResponse::body).toList().toString())
                .hasSize(19)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(409);
                    assertThat(JSON.readTree(r.body()).get("type").asString())
                            .isEqualTo("urn:ridemesh:problem:quote-used");
                });
        assertThat(rideRows()).isEqualTo(rides + 1);
        assertThat(outboxRows()).isEqualTo(events + 1);
    }

    /**
     * {@code n} {@code POST /v1/rides} of {@code rider} with {@code body}, released together, the i-th with the
     * Idempotency-Key {@code keys.apply(i)}; their answers in submission order.
     */
    private List<HttpResponse<String>> createRidesAtOnce(
            int n, String rider, String body, java.util.function.IntFunction<String> keys) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = keys.apply(i);
            calls.add(pool.submit(() -> {
                start.await();
                return send(HttpRequest.newBuilder(uri("/v1/rides"))
                        .header("Authorization", Tokens.bearer(Tokens.rider(rider)))
                        .header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
            }));
        }
        start.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            responses.add(call.get(120, TimeUnit.SECONDS));
        }
        return responses;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
