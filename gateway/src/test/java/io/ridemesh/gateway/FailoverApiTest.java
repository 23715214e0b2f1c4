package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The operator API end to end: moves and evacuations change routing within 1 s, drills record their RTO at the first
 * request served by the new home, fail-back returns the units, and a change replicated from another region (written
 * straight into the table, as sync-sink's apply does) takes effect within 1 s.
 */
class FailoverApiTest extends GatewayTestSupport {

    private static final String OPERATOR = bearer("operator", "ops-1");
    private static final String RIDER = bearer("rider", "rider-1");
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @BeforeEach
    void probed() {
        awaitRegionsProbed();
    }

    private String regionServing(String pickup) {
        return client().post()
                .uri("/v1/quotes")
                .header(HttpHeaders.AUTHORIZATION, RIDER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pickup\":" + pickup + "}")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(Void.class)
                .getResponseHeaders()
                .getFirst("X-Ridemesh-Region");
    }

    /** POSTs to an operator path with no body and expects a 409 problem. */
    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec conflict(String path) {
        return client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody();
    }

    /** Makes region a's sync-sink report {@code records} left to apply and waits until the gateway has read it. */
    private void awaitBacklogOfA(long records) {
        A.backlog(records);
        Awaitility.await()
                .atMost(WITHIN)
                .until(() ->
                        health.applyBacklog(regions.resolve("a").orElseThrow()).orElse(-1) == records);
    }

    private Map<String, Object> post(String path, String body) {
        return client().post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> drills() {
        Map<String, Object> body = client().get()
                .uri("/ops/drills")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) body.get("drills");
    }

    @Test
    void regionsShowHealthDeclaredDownAndUnits() {
        client().get()
                .uri("/ops/regions")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.localRegion")
                .isEqualTo("a")
                .jsonPath("$.regions[0].name")
                .isEqualTo("a")
                .jsonPath("$.regions[0].state")
                .isEqualTo("UP")
                .jsonPath("$.regions[0].healthyServices.length()")
                .isEqualTo(4)
                .jsonPath("$.regions[0].units[0]")
                .isEqualTo("nyc")
                .jsonPath("$.regions[0].declaredDownAtMs")
                .doesNotExist()
                .jsonPath("$.regions[1].units[0]")
                .isEqualTo("chicago")
                .jsonPath("$.regions[2].name")
                .isEqualTo("c")
                .jsonPath("$.regions[2].state")
                .isEqualTo("DOWN")
                .jsonPath("$.regions[2].declaredDownAtMs")
                .isNumber()
                .jsonPath("$.regions[2].canTakeUnits")
                .isEqualTo(false)
                .jsonPath("$.regions[2].applyBacklog")
                .isEqualTo(-1);
    }

    @Test
    void moveChangesRoutingWithinOneSecondAndRecordsTheRto() {
        assertThat(regionServing(NYC)).isEqualTo("a");
        Map<String, Object> moved = post("/ops/units/nyc/move", "{\"toRegion\":\"b\"}");
        assertThat(moved).extractingByKey("unit").asString().contains("homeRegion=b");
        Awaitility.await().atMost(WITHIN).until(() -> "b".equals(regionServing(NYC)));
        Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(drills()).singleElement().satisfies(d -> {
                    assertThat(d).containsEntry("kind", "move").containsEntry("region", "a");
                    assertThat(d).containsEntry("targetRegion", "b").containsEntry("units", List.of(1));
                    assertThat(d.get("firstServedAtMs")).isNotNull();
                    assertThat(((Number) d.get("rtoMs")).longValue())
                            .isEqualTo(((Number) d.get("firstServedAtMs")).longValue()
                                    - ((Number) d.get("startedAtMs")).longValue());
                }));
    }

    @Test
    void evacuateMovesEveryUnitToAHealthySurvivorAndFailbackReturnsThem() {
        Map<String, Object> drill = post("/ops/regions/a/evacuate", "");
        assertThat(drill).containsEntry("kind", "evacuate").containsEntry("targetRegion", "b");
        assertThat(drill).containsEntry("units", List.of(1)).containsEntry("executedBy", "a");
        assertThat(drill.get("declaredDownAtMs")).as("a was not down").isNull();
        Awaitility.await().atMost(WITHIN).until(() -> "b".equals(regionServing(NYC)));
        assertThat(regionServing(CHICAGO)).isEqualTo("b");
        Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> drills().get(0).get("rtoMs") != null);

        // a back, but still applying what b wrote meanwhile: it waits
        awaitBacklogOfA(10_000);
        conflict("/ops/regions/a/failback")
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:region-catching-up")
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("still has 10000 changes of its peers to apply"));
        assertThat(regionServing(NYC)).isEqualTo("b");
        awaitBacklogOfA(12);
        Map<String, Object> failback = post("/ops/regions/a/failback", "");
        assertThat(failback).containsEntry("kind", "failback").containsEntry("targetRegion", "a");
        assertThat(failback).containsEntry("units", List.of(1));
        Awaitility.await().atMost(WITHIN).until(() -> "a".equals(regionServing(NYC)));
        assertThat(regionServing(CHICAGO)).as("chicago was never evacuated").isEqualTo("b");
    }

    @Test
    void evacuatingADeclaredDownRegionMeasuresRtoFromTheDeclaration() {
        jdbc.update("UPDATE unit_home SET home_region = 3, version = version + 1 WHERE unit_id = 2");
        routingTables.refresh();
        long declared = health.of(regions.resolve("c").orElseThrow()).declaredDownAtMs();
        Map<String, Object> drill = post("/ops/regions/c/evacuate", "");
        assertThat(((Number) drill.get("declaredDownAtMs")).longValue()).isEqualTo(declared);
        assertThat(drill).containsEntry("units", List.of(2));
        Awaitility.await().atMost(WITHIN).until(() -> !"c".equals(regionServing(CHICAGO)));
        Awaitility.await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            Map<String, Object> d = drills().get(0);
            assertThat(((Number) d.get("rtoMs")).longValue())
                    .isEqualTo(((Number) d.get("firstServedAtMs")).longValue() - declared);
        });
    }

    @Test
    void failoverCallsThatCannotBeCarriedOutAreProblems() {
        conflict("/ops/regions/c/evacuate").jsonPath("$.type").isEqualTo("urn:ridemesh:problem:nothing-to-move");
        client().post()
                .uri("/ops/regions/z/evacuate")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:unknown-region");
        client().post()
                .uri("/ops/units/nyc/move")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"toRegion\":\"c\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:ridemesh:problem:region-cannot-serve");
        conflict("/ops/regions/b/failback").jsonPath("$.type").isEqualTo("urn:ridemesh:problem:nothing-to-move");
        B.healthy(false);
        Awaitility.await()
                .atMost(Duration.ofSeconds(2))
                .until(() -> !health.of(regions.resolve("b").orElseThrow()).canServe());
        conflict("/ops/regions/a/evacuate").jsonPath("$.type").isEqualTo("urn:ridemesh:problem:no-healthy-region");
        assertThat(regionServing(NYC)).isEqualTo("a");
    }

    @Test
    void aMoveReplicatedFromAnotherRegionTakesEffectWithinOneSecond() {
        // what sync-sink's apply writes when region b moved nyc: b's version, hlc and origin
        jdbc.update(
                "UPDATE unit_home SET home_region = 2, moved_at_ms = ?, version = version + 1, hlc = ?,"
                        + " origin_region = 2 WHERE unit_id = 1",
                System.currentTimeMillis(),
                System.currentTimeMillis() << 16);
        Awaitility.await().atMost(WITHIN).until(() -> "b".equals(regionServing(NYC)));
        client().get()
                .uri("/ops/units")
                .header(HttpHeaders.AUTHORIZATION, OPERATOR)
                .exchange()
                .expectBody()
                .jsonPath("$.units[0].code")
                .isEqualTo("nyc")
                .jsonPath("$.units[0].homeRegion")
                .isEqualTo("b");
    }
}
