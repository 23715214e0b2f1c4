package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import io.ridemesh.gateway.support.StubRegion;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Requests reach the home region of their unit, unchanged; unroutable ones get problem bodies naming the field. */
class GatewayRoutingTest extends GatewayTestSupport {

    private static final String RIDER = bearer("rider", "rider-1");
    private static final String DRIVER = bearer("driver", "driver-1");

    private static String ride(String pickup) {
        return "{\"quoteToken\":\"q.t\",\"pickup\":" + pickup + ",\"dropoff\":" + pickup
                + ",\"product\":\"SOLO\",\"seats\":1}";
    }

    @Test
    void routesQuotesAndRideRequestsByPickupToTheUnitsHomeRegion() {
        client().post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ride(NYC))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Ridemesh-Region", "a")
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("a")
                .jsonPath("$.service")
                .isEqualTo("pricing-service");
        client().post()
                .uri("/v1/rides")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .header("Idempotency-Key", "k-1")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ride(CHICAGO))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b")
                .jsonPath("$.service")
                .isEqualTo("order-service")
                .jsonPath("$.path")
                .isEqualTo("/v1/rides");
    }

    @Test
    void forwardsBodyTokenAndHeadersUnchanged() {
        String body = ride(CHICAGO);
        client().post()
                .uri(java.net.URI.create("http://127.0.0.1:" + port + "/v1/rides?dryRun=1&x=a%20b"))
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .header("Idempotency-Key", "k-2")
                .header("X-Correlation-Id", "corr-42")
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Correlation-Id", "corr-42");
        StubRegion.Call call = B.routedCalls().get(0);
        assertThat(call.body()).isEqualTo(body);
        assertThat(call.query()).isEqualTo("dryRun=1&x=a%20b");
        assertThat(call.header("Authorization")).isEqualTo(RIDER);
        assertThat(call.header("Idempotency-Key")).isEqualTo("k-2");
        assertThat(call.header("X-Correlation-Id")).isEqualTo("corr-42");
        assertThat(call.header("traceparent"))
                .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .endsWith("-01")
                .doesNotContain("00f067aa0ba902b7");
    }

    @Test
    void tellsTheServicesTheClientsOwnAddressNotOneTheClientWrote() {
        client().get()
                .uri("/v1/rides")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .header("X-Forwarded-For", "203.0.113.9")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .exchange()
                .expectStatus()
                .isOk();
        StubRegion.Call call = A.routedCalls().get(0);
        assertThat(call.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(call.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(call.header("X-Forwarded-Host")).doesNotContain("evil.example");
    }

    @Test
    void generatesCorrelationIdAndTraceparentWhenAbsent() {
        client().get()
                .uri("/v1/rides")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists("X-Correlation-Id");
        StubRegion.Call call = A.routedCalls().get(0);
        assertThat(call.header("X-Correlation-Id")).isNotBlank();
        assertThat(call.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void routesRideCommandsByTheUnitInTheRideId() {
        long chicagoRide = idOf(2);
        long nycRide = idOf(1);
        client().get()
                .uri("/v1/rides/" + chicagoRide)
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b");
        client().post()
                .uri("/v1/rides/" + nycRide + "/arrive")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("a")
                .jsonPath("$.path")
                .isEqualTo("/v1/rides/" + nycRide + "/arrive");
    }

    @Test
    void routesTheRidersOwnListToTheLocalRegion() {
        client().get()
                .uri("/v1/rides?status=REQUESTED")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("a");
    }

    @Test
    void routesDriverCallsByLocationLastBatchPointOfferIdAndXUnit() {
        client().post()
                .uri("/v1/drivers/me/online")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"seats\":4,\"lat\":41.8781,\"lon\":-87.6298}")
                .exchange()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b")
                .jsonPath("$.service")
                .isEqualTo("dispatch-service");
        client().post()
                .uri("/v1/drivers/me/locations")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"points\":[{\"lat\":41.8781,\"lon\":-87.6298,\"ts\":1},"
                        + "{\"lat\":40.7527,\"lon\":-73.9772,\"ts\":2}]}")
                .exchange()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("a");
        client().post()
                .uri("/v1/offers/" + idOf(2) + "/accept")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .exchange()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b");
        client().get()
                .uri("/v1/drivers/me/offer")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .header("X-Unit", "chicago")
                .exchange()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b");
        client().post()
                .uri("/v1/drivers/me/offline")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .header("X-Unit", "1")
                .exchange()
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("a");
    }

    @Test
    void driverCallsWithoutCoordinatesRequireXUnit() {
        client().get()
                .uri("/v1/drivers/me/offer")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:invalid-field")
                .jsonPath("$.field")
                .isEqualTo("X-Unit")
                .jsonPath("$.errors[0].field")
                .isEqualTo("X-Unit");
        client().post()
                .uri("/v1/drivers/me/offline")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .header("X-Unit", "atlantis")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:unknown-unit")
                .jsonPath("$.field")
                .isEqualTo("X-Unit");
        assertThat(A.routedCalls()).isEmpty();
        assertThat(B.routedCalls()).isEmpty();
    }

    @Test
    void pointOutsideEveryUnitIs422NamingTheField() {
        client().post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(ride("{\"lat\":48.8566,\"lon\":2.3522}"))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:outside-service-area")
                .jsonPath("$.field")
                .isEqualTo("pickup")
                .jsonPath("$.status")
                .isEqualTo(422);
        client().post()
                .uri("/v1/drivers/me/locations")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"points\":[{\"lat\":40.75,\"lon\":-73.97},{\"lat\":0,\"lon\":0}]}")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("points[1]");
        assertThat(A.routedCalls()).isEmpty();
    }

    @Test
    void malformedRoutingInputIs400NamingTheField() {
        for (List<String> c : List.of(
                List.of("{\"pickup\":{\"lat\":\"x\",\"lon\":-73.9}}", "pickup.lat"),
                List.of("{\"pickup\":{\"lat\":40.7}}", "pickup.lon"),
                List.of("{\"pickup\":{\"lat\":91,\"lon\":-73.9}}", "pickup.lat"),
                List.of("{\"dropoff\":{}}", "pickup"),
                List.of("not json", "body"))) {
            client().post()
                    .uri("/v1/rides")
                    .header(HttpHeaders.AUTHORIZATION, RIDER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(c.get(0))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.field")
                    .isEqualTo(c.get(1));
        }
        client().get()
                .uri("/v1/rides/abc")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.field")
                .isEqualTo("rideId");
        client().get()
                .uri("/v1/rides/" + idOf(0))
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:unknown-unit")
                .jsonPath("$.field")
                .isEqualTo("rideId");
        assertThat(A.routedCalls()).isEmpty();
    }

    @Test
    void bodyAboveTheLimitIs413() {
        String big = "{\"pickup\":" + NYC + ",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
        client().post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void deadHomeRegionIs503ProblemAndOpensItsBreakerOnly() {
        jdbc.update("UPDATE unit_home SET home_region = 3, version = version + 1 WHERE unit_id = 2");
        routingTables.refresh();
        for (int i = 0; i < 5; i++) {
            client().get()
                    .uri("/v1/rides/" + idOf(2))
                    .header(HttpHeaders.AUTHORIZATION, RIDER)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:ridemesh:problem:service-unavailable")
                    .jsonPath("$.breaker")
                    .isEqualTo("order-service@c");
        }
        client().get()
                .uri("/v1/rides/" + idOf(2))
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("circuit breaker order-service@c is OPEN"));
        // the same service of the other regions is unaffected
        client().get()
                .uri("/v1/rides/" + idOf(1))
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void slowServiceIs504AfterTheRequestTimeout() {
        try {
            client().post()
                    .uri("/v1/rides/" + idOf(1) + "/slow")
                    .header(HttpHeaders.AUTHORIZATION, DRIVER)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(504)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:ridemesh:problem:upstream-timeout")
                    .jsonPath("$.service")
                    .isEqualTo("order-service");
        } finally {
            A.openSlowGate();
        }
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        client().post()
                .uri("/v1/rides/" + idOf(2) + "/fail500")
                .header(HttpHeaders.AUTHORIZATION, DRIVER)
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectBody()
                .jsonPath("$.region")
                .isEqualTo("b");
    }

    @Test
    void healthIsOpenEvenWithABadToken() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        client().get()
                .uri("/actuator/health")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
                .exchange()
                .expectStatus()
                .isOk();
        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> client().get()
                .uri("/actuator/health")
                .exchange()
                .expectBody()
                .jsonPath("$.components.routingTable.status")
                .isEqualTo("UP"));
    }
}
