package io.ridemesh.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.ridemesh.gateway.support.GatewayTestSupport;
import io.ridemesh.gateway.support.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route x every caller: no token is 401, a role the route does not allow is 403, an allowed one is forwarded (or,
 * for {@code /ops}, answered). Bad tokens (expired, wrong key, unknown role) are 401.
 */
class AuthorizationMatrixTest extends GatewayTestSupport {

    private static final List<String> CALLERS = List.of("none", "rider", "driver", "operator", "service");

    private record Route(
            String name,
            HttpMethod method,
            String path,
            @Nullable String body,
            @Nullable String unit,
            Set<String> allowed) {}

    private static List<Route> routes() {
        long ride = idOf(1);
        long offer = idOf(2);
        String pickup = "{\"pickup\":" + NYC + ",\"dropoff\":" + NYC + "}";
        String location = "{\"seats\":1,\"lat\":40.75,\"lon\":-73.97}";
        String points = "{\"points\":[{\"lat\":40.75,\"lon\":-73.97,\"ts\":1}]}";
        List<Route> r = new ArrayList<>();
        r.add(new Route("quote", HttpMethod.POST, "/v1/quotes", pickup, null, Set.of("rider")));
        r.add(new Route("request ride", HttpMethod.POST, "/v1/rides", pickup, null, Set.of("rider")));
        r.add(new Route(
                "list rides",
                HttpMethod.GET,
                "/v1/rides",
                null,
                null,
                Set.of("rider", "driver", "operator", "service")));
        r.add(new Route(
                "read ride",
                HttpMethod.GET,
                "/v1/rides/" + ride,
                null,
                null,
                Set.of("rider", "driver", "operator", "service")));
        r.add(new Route(
                "cancel ride",
                HttpMethod.POST,
                "/v1/rides/" + ride + "/cancel",
                null,
                null,
                Set.of("rider", "driver")));
        // closed: a ride is taken only through dispatch's offer (POST /v1/offers/{id}/accept)
        r.add(new Route(
                "accept ride directly", HttpMethod.POST, "/v1/rides/" + ride + "/accept", "{}", null, Set.of()));
        for (String command : List.of("arrive", "start", "complete", "rider-no-show")) {
            r.add(new Route(
                    command + " ride",
                    HttpMethod.POST,
                    "/v1/rides/" + ride + "/" + command,
                    "{}",
                    null,
                    Set.of("driver")));
        }
        r.add(new Route(
                "assign ride",
                HttpMethod.POST,
                "/v1/rides/" + ride + "/assign",
                "{\"driverId\":\"d\"}",
                null,
                Set.of("service")));
        r.add(new Route(
                "no driver", HttpMethod.POST, "/v1/rides/" + ride + "/no-driver", null, null, Set.of("service")));
        r.add(new Route("go online", HttpMethod.POST, "/v1/drivers/me/online", location, null, Set.of("driver")));
        r.add(new Route("location", HttpMethod.POST, "/v1/drivers/me/location", location, null, Set.of("driver")));
        r.add(new Route("locations", HttpMethod.POST, "/v1/drivers/me/locations", points, null, Set.of("driver")));
        r.add(new Route("open offer", HttpMethod.GET, "/v1/drivers/me/offer", null, "nyc", Set.of("driver")));
        r.add(new Route("go offline", HttpMethod.POST, "/v1/drivers/me/offline", null, "nyc", Set.of("driver")));
        r.add(new Route(
                "accept offer", HttpMethod.POST, "/v1/offers/" + offer + "/accept", null, null, Set.of("driver")));
        r.add(new Route(
                "decline offer", HttpMethod.POST, "/v1/offers/" + offer + "/decline", null, null, Set.of("driver")));
        r.add(new Route("ops regions", HttpMethod.GET, "/ops/regions", null, null, Set.of("operator")));
        r.add(new Route("ops units", HttpMethod.GET, "/ops/units", null, null, Set.of("operator", "service")));
        r.add(new Route("ops drills", HttpMethod.GET, "/ops/drills", null, null, Set.of("operator")));
        r.add(new Route(
                "ops move (no-op)",
                HttpMethod.POST,
                "/ops/units/nyc/move",
                "{\"toRegion\":\"a\"}",
                null,
                Set.of("operator")));
        r.add(new Route("actuator metrics", HttpMethod.GET, "/actuator/metrics", null, null, Set.of("operator")));
        return r;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Route route : routes()) {
            for (String caller : CALLERS) {
                int expected = caller.equals("none") ? 401 : route.allowed().contains(caller) ? 200 : 403;
                out.add(Arguments.of(route.name(), route, caller, expected));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {2} -> {3}")
    @MethodSource("matrix")
    void enforcesRolesPerRoute(String name, Route route, String caller, int expected) {
        WebTestClient.RequestBodySpec request = client().method(route.method()).uri(route.path());
        if (!caller.equals("none")) {
            request.header(HttpHeaders.AUTHORIZATION, bearer(caller, caller + "-1"));
        }
        if (route.unit() != null) {
            request.header("X-Unit", route.unit());
        }
        WebTestClient.RequestHeadersSpec<?> spec = route.body() == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(route.body());
        EntityExchangeResult<byte[]> result =
                spec.exchange().expectStatus().isEqualTo(expected).expectBody().returnResult();
        boolean forwarded = !A.routedCalls().isEmpty() || !B.routedCalls().isEmpty();
        if (route.path().startsWith("/v1/")) {
            assertThat(forwarded).as("forwarded to a service").isEqualTo(expected == 200);
        }
        if (expected != 200) {
            assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(new String(result.getResponseBodyContent()))
                    .contains(expected == 401 ? "urn:ridemesh:problem:unauthorized" : "urn:ridemesh:problem:forbidden");
        }
        if (expected == 401) {
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer");
        }
    }

    @Test
    void rejectsExpiredForeignAndRolelessTokens() {
        for (String token : List.of(
                Tokens.expired("rider", "r"),
                Tokens.signedWithAnotherKey("rider", "r"),
                Tokens.of("admin", "r"),
                "garbage")) {
            client().get()
                    .uri("/v1/rides")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
        assertThat(A.routedCalls()).isEmpty();
    }

    @Test
    void noGatewayIssuesTokensAnyMoreNotEvenForARiderOrWithTheOldOperatorPassword() {
        // POST /auth/token gave a rider or driver token for any subject, with no credential; tokens now come from
        // identity-service only, for an account that signed in
        for (String body : new String[] {
            "{\"sub\":\"alice\",\"role\":\"rider\"}",
            "{\"sub\":\"ops\",\"role\":\"operator\",\"password\":\"test-operator-password\"}"
        }) {
            client().post()
                    .uri("/auth/token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.token")
                    .doesNotExist();
        }
    }
}
