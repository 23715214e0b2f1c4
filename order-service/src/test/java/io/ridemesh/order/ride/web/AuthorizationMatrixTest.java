package io.ridemesh.order.ride.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.nimbusds.jwt.JWTClaimsSet;
import io.ridemesh.order.support.OrderServiceTest;
import io.ridemesh.order.support.Tokens;
import io.ridemesh.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what: every route x every kind of caller. 401 without a valid token, 403 for a role the route does not
 * serve, 404 for a ride the caller may not see or a route that does not exist, 2xx when allowed. A driver's direct
 * accept does not exist: a ride is taken only through dispatch-service's offer, which ends in {@code assign}.
 */
class AuthorizationMatrixTest extends OrderServiceTest {

    enum Caller {
        NONE,
        OWNER,
        OTHER_RIDER,
        DRIVER,
        OTHER_DRIVER,
        OPERATOR,
        SERVICE,
        FORGED
    }

    /** The state the ride is put in before the call. */
    enum Setup {
        NO_RIDE,
        REQUESTED,
        ASSIGNED,
        ARRIVED,
        ARRIVED_AND_WAITED,
        IN_PROGRESS
    }

    /** The people of one case. */
    record Cast(String owner, String driver) {

        @Nullable
        String token(Caller caller) {
            return switch (caller) {
                case NONE -> null;
                case OWNER -> Tokens.rider(owner);
                case OTHER_RIDER -> Tokens.rider(owner + "-other");
                case DRIVER -> Tokens.driver(driver);
                case OTHER_DRIVER -> Tokens.driver(driver + "-other");
                case OPERATOR -> Tokens.operator("operator-1");
                case SERVICE -> Tokens.service("dispatch-service");
                case FORGED -> TestTokens.withUntrustedKey("operator", owner);
            };
        }
    }

    /** One route's request, given the test, the case's people and the prepared ride's id. */
    @FunctionalInterface
    interface Call {
        MockHttpServletRequestBuilder apply(OrderServiceTest test, Cast cast, String rideId);
    }

    record Route(String name, Setup setup, Call call, Map<Caller, Integer> expected) {}

    private static final List<Route> ROUTES = new ArrayList<>();

    static {
        route(
                "POST /v1/rides",
                Setup.NO_RIDE,
                (t, cast, id) -> post("/v1/rides")
                        .header("Idempotency-Key", key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(io.ridemesh.order.support.Quotes.nyc(
                                ((AuthorizationMatrixTest) t).clock.instant(), cast.owner()))),
                401,
                201,
                422, // the quote was issued to the owner: another rider cannot use it
                403,
                403,
                403,
                403,
                401);
        route(
                "GET /v1/rides/{id} (assigned)",
                Setup.ASSIGNED,
                (t, cast, id) -> get("/v1/rides/" + id),
                401,
                200,
                404,
                200,
                404,
                200,
                200,
                401);
        route(
                "GET /v1/rides/{id} (requested)",
                Setup.REQUESTED,
                (t, cast, id) -> get("/v1/rides/" + id),
                401,
                200,
                404,
                200,
                200,
                200,
                200,
                401);
        route(
                "GET /v1/rides",
                Setup.ASSIGNED,
                (t, cast, id) -> get("/v1/rides"),
                401,
                200,
                200,
                200,
                200,
                200,
                200,
                401);
        route(
                "GET /v1/units/{unit}/waiting-rides",
                Setup.REQUESTED,
                (t, cast, id) -> get("/v1/units/1/waiting-rides")
                        .param("requestedFrom", "2020-01-01T00:00:00Z")
                        .param("requestedBefore", "2100-01-01T00:00:00Z"),
                401,
                403,
                403,
                403,
                403,
                200,
                200,
                401);
        route(
                "POST /v1/rides/{id}/cancel",
                Setup.ASSIGNED,
                (t, cast, id) -> post("/v1/rides/" + id + "/cancel"),
                401,
                200,
                404,
                200,
                404,
                403,
                403,
                401);
        route(
                "POST /v1/rides/{id}/accept (removed)",
                Setup.REQUESTED,
                (t, cast, id) -> post("/v1/rides/" + id + "/accept"),
                401,
                404,
                404,
                404,
                404,
                404,
                404,
                401);
        route(
                "POST /v1/rides/{id}/arrive",
                Setup.ASSIGNED,
                (t, cast, id) -> post("/v1/rides/" + id + "/arrive"),
                401,
                403,
                403,
                200,
                404,
                403,
                403,
                401);
        route(
                "POST /v1/rides/{id}/start",
                Setup.ARRIVED,
                (t, cast, id) -> post("/v1/rides/" + id + "/start"),
                401,
                403,
                403,
                200,
                404,
                403,
                403,
                401);
        route(
                "POST /v1/rides/{id}/complete",
                Setup.IN_PROGRESS,
                (t, cast, id) -> post("/v1/rides/" + id + "/complete")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actualDistanceMetres\":7000,\"actualDurationSeconds\":1500}"),
                401,
                403,
                403,
                200,
                404,
                403,
                403,
                401);
        route(
                "POST /v1/rides/{id}/rider-no-show",
                Setup.ARRIVED_AND_WAITED,
                (t, cast, id) -> post("/v1/rides/" + id + "/rider-no-show"),
                401,
                403,
                403,
                200,
                404,
                403,
                403,
                401);
        route(
                "POST /v1/rides/{id}/assign",
                Setup.REQUESTED,
                (t, cast, id) -> post("/v1/rides/" + id + "/assign")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"driverId\":\"drv-7\"}"),
                401,
                403,
                403,
                403,
                403,
                403,
                200,
                401);
        route(
                "POST /v1/rides/{id}/no-driver",
                Setup.REQUESTED,
                (t, cast, id) -> post("/v1/rides/" + id + "/no-driver"),
                401,
                403,
                403,
                403,
                403,
                403,
                200,
                401);
        route(
                "GET /actuator/health",
                Setup.NO_RIDE,
                (t, cast, id) -> get("/actuator/health"),
                200,
                200,
                200,
                200,
                200,
                200,
                200,
                200);
    }

    private static void route(String name, Setup setup, Call call, int... statuses) {
        Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            expected.put(caller, statuses[caller.ordinal()]);
        }
        ROUTES.add(new Route(name, setup, call, expected));
    }

    static Stream<Arguments> routesTimesCallers() {
        return ROUTES.stream()
                .flatMap(route -> Stream.of(Caller.values()).map(caller -> Arguments.of(route.name(), caller, route)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesTimesCallers")
    void answersEachCallerAsTheMatrixSays(String name, Caller caller, Route route) throws Exception {
        Cast cast = new Cast(user("owner"), user("driver"));
        String rideId = prepare(route.setup(), cast);
        MockHttpServletRequestBuilder request = route.call().apply(this, cast, rideId);
        String token = cast.token(caller);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, Tokens.bearer(token));
        }

        MvcResult result = mvc.perform(request).andReturn();

        int expected = route.expected().get(caller);
        String body = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(JSON.readTree(body).get("status").asInt()).isEqualTo(expected);
        }
        if (expected == 401) {
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer");
        }
    }

    static Stream<Arguments> badTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of(
                        "expired",
                        Tokens.claims("r-1", "rider")
                                .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
                                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                                .build()),
                Arguments.of(
                        "no expiry",
                        Tokens.claims("r-1", "rider").expirationTime(null).build()),
                Arguments.of(
                        "unknown role",
                        Tokens.claims("r-1", "rider").claim("role", "admin").build()),
                Arguments.of(
                        "no role",
                        Tokens.claims("r-1", "rider").claim("role", null).build()),
                Arguments.of(
                        "no subject",
                        Tokens.claims("r-1", "rider").subject(null).build()),
                Arguments.of(
                        "subject with a space", Tokens.claims("r 1", "rider").build()),
                Arguments.of(
                        "subject of 65 characters",
                        Tokens.claims("r".repeat(65), "rider").build()),
                Arguments.of(
                        "another issuer",
                        Tokens.claims("r-1", "rider")
                                .issuer("http://127.0.0.1:1")
                                .build()),
                Arguments.of(
                        "another audience",
                        Tokens.claims("r-1", "rider").audience("somebody-else").build()),
                Arguments.of(
                        "not yet valid",
                        Tokens.claims("r-1", "rider")
                                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1))))
                                .build()));
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("badTokens")
    void rejectsTokensThatAreSignedButUnacceptable(String name, JWTClaimsSet claims) throws Exception {
        String token = Tokens.sign(claims);

        MvcResult result = mvc.perform(get("/v1/rides").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(token)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer error=\"invalid_token\"");
    }

    @ParameterizedTest(name = "Authorization: {0}")
    @MethodSource("malformedHeaders")
    void rejectsMalformedAuthorization(String header) throws Exception {
        MvcResult result = mvc.perform(get("/v1/rides").header(HttpHeaders.AUTHORIZATION, header))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(401);
    }

    static Stream<String> malformedHeaders() {
        return Stream.of("Bearer", "Bearer not.a.jwt", "Basic dXNlcjpwYXNz", "Bearer " + "x".repeat(40));
    }

    private String prepare(Setup setup, Cast cast) throws Exception {
        if (setup == Setup.NO_RIDE) {
            return "0";
        }
        String id = requestedRide(cast.owner());
        String driver = Tokens.driver(cast.driver());
        if (setup == Setup.REQUESTED) {
            return id;
        }
        assign(id, cast.driver());
        if (setup == Setup.ASSIGNED) {
            return id;
        }
        act(id, "arrive", driver);
        if (setup == Setup.ARRIVED) {
            return id;
        }
        if (setup == Setup.ARRIVED_AND_WAITED) {
            clock.advance(Duration.ofMinutes(6));
            return id;
        }
        act(id, "start", driver);
        return id;
    }
}
