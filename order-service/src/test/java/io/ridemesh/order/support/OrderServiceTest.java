package io.ridemesh.order.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.testsupport.MutableClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the tests that run the whole service in-process: real HTTP port and MockMvc, H2 in MariaDB mode, Flyway
 * migrations, a movable clock. All subclasses share one Spring context (and one database), so tests use fresh rider
 * ids and keys and compare row counts before and after, never absolute numbers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(OrderServiceTest.MovableClock.class)
public abstract class OrderServiceTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected MutableClock clock;

    @LocalServerPort
    protected int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return MutableClock.startingNow();
        }
    }

    /** A unique user id, so tests never see each other's rides. */
    protected static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh idempotency key. */
    protected static String key() {
        return "key-" + UUID.randomUUID();
    }

    /** A quote for the standard NYC trip issued to {@code riderId}, valid 5 minutes from the service's clock. */
    protected QuoteClaims quote(String riderId) {
        return Quotes.nyc(clock.instant(), riderId);
    }

    /** The JSON body of a ride request matching {@code claims}. */
    protected static String body(QuoteClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("quoteToken", Quotes.sign(claims));
        body.put("pickup", Map.of("lat", claims.pickupLat(), "lon", claims.pickupLon()));
        body.put("dropoff", Map.of("lat", claims.dropoffLat(), "lon", claims.dropoffLon()));
        body.put("product", claims.product());
        body.put("seats", claims.seats());
        return JSON.writeValueAsString(body);
    }

    /** {@code POST /v1/rides} as {@code riderToken}. */
    protected static MockHttpServletRequestBuilder createRide(String riderToken, String key, String body) {
        return post("/v1/rides")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(riderToken))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    /** Creates a REQUESTED ride for {@code riderId} and returns its id. */
    protected String requestedRide(String riderId) throws Exception {
        MvcResult result = mvc.perform(createRide(Tokens.rider(riderId), key(), body(quote(riderId))))
                .andReturn();
        if (result.getResponse().getStatus() != 201) {
            throw new AssertionError("create failed: " + result.getResponse().getContentAsString());
        }
        return json(result).get("id").asString();
    }

    /** {@code POST /v1/rides/{id}/{action}} with a token and no body; fails unless 200. */
    protected JsonNode act(String rideId, String action, String token) throws Exception {
        MvcResult result = mvc.perform(post("/v1/rides/" + rideId + "/" + action)
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(token)))
                .andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError(action + " failed: " + result.getResponse().getContentAsString());
        }
        return json(result);
    }

    /**
     * {@code POST /v1/rides/{id}/assign} as dispatch-service (role {@code service}) with driver {@code driverId}: how a
     * driver takes a ride, once they accepted dispatch's offer. Fails unless 200.
     */
    protected JsonNode assign(String rideId, String driverId) throws Exception {
        MvcResult result = mvc.perform(assignRequest(rideId, driverId)).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("assign failed: " + result.getResponse().getContentAsString());
        }
        return json(result);
    }

    /** {@code POST /v1/rides/{id}/assign} as dispatch-service with driver {@code driverId}, whatever the answer. */
    protected static MockHttpServletRequestBuilder assignRequest(String rideId, String driverId) {
        return post("/v1/rides/" + rideId + "/assign")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.service("dispatch-service")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(assignBody(driverId));
    }

    /** The JSON body of an assignment of {@code driverId}. */
    protected static String assignBody(String driverId) {
        return JSON.writeValueAsString(Map.of("driverId", driverId));
    }

    /** Completes an IN_PROGRESS ride; fails unless 200. */
    protected JsonNode complete(String rideId, String driverToken, long distanceMetres, long durationSeconds)
            throws Exception {
        MvcResult result = mvc.perform(post("/v1/rides/" + rideId + "/complete")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(driverToken))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actualDistanceMetres\":" + distanceMetres + ",\"actualDurationSeconds\":"
                                + durationSeconds + "}"))
                .andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("complete failed: " + result.getResponse().getContentAsString());
        }
        return json(result);
    }

    protected static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    protected long rideRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rides", Long.class);
    }

    protected long outboxRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event", Long.class);
    }

    /** The outbox event types of one ride, in insertion (id) order. */
    protected List<String> eventTypes(String rideId) {
        return jdbc.queryForList(
                "SELECT event_type FROM outbox_event WHERE aggregate = 'ride' AND aggregate_id = ? ORDER BY id",
                String.class,
                Long.parseLong(rideId));
    }
}
