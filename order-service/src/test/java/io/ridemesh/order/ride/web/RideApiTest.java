package io.ridemesh.order.ride.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ridemesh.common.id.GlobalIdGenerator;
import io.ridemesh.common.quote.QuoteClaims;
import io.ridemesh.order.support.OrderServiceTest;
import io.ridemesh.order.support.Quotes;
import io.ridemesh.order.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

/** The REST API end to end, in-process: creation, idempotency, the lifecycle, fees, fares and the outbox. */
class RideApiTest extends OrderServiceTest {

    @Test
    void requestsARideWith201AStringIdAndItsUnit() throws Exception {
        String rider = user("rider");
        long rides = rideRows();
        long events = outboxRows();

        MvcResult created = mvc.perform(createRide(Tokens.rider(rider), key(), body(quote(rider))))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.status").value("REQUESTED"))
                .andExpect(jsonPath("$.unitId").value(1))
                .andExpect(jsonPath("$.riderId").value(rider))
                .andExpect(jsonPath("$.driverId").isEmpty())
                .andExpect(jsonPath("$.quotedFareCents").value(2450))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.product").value("SOLO"))
                .andExpect(jsonPath("$.seats").value(1))
                .andExpect(jsonPath("$.pickup.lat").value(Quotes.PICKUP_LAT))
                .andExpect(jsonPath("$.version").value(1))
                .andReturn();

        String id = json(created).get("id").asString();
        assertThat(GlobalIdGenerator.unitOf(Long.parseLong(id))).isEqualTo(1);
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/v1/rides/" + id);
        assertThat(rideRows()).isEqualTo(rides + 1);
        assertThat(outboxRows()).isEqualTo(events + 1);
        assertThat(eventTypes(id)).containsExactly("RideRequested");
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT version, origin_region, unit_id, request_hash FROM rides WHERE id = ?", Long.parseLong(id));
        assertThat(row)
                .containsEntry("version", 1L)
                .containsEntry("origin_region", 1)
                .containsEntry("unit_id", 1);
        JsonNode payload = JSON.readTree(jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE aggregate_id = ?", String.class, Long.parseLong(id)));
        assertThat(payload.get("rideId").asString()).isEqualTo(id);
        assertThat(payload.get("eventType").asString()).isEqualTo("RideRequested");
        assertThat(payload.get("riderId").asString()).isEqualTo(rider);
        assertThat(payload.get("pickup").get("lat").asDouble()).isEqualTo(Quotes.PICKUP_LAT);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameRideWith200() throws Exception {
        String rider = user("rider");
        String token = Tokens.rider(rider);
        String key = key();
        String body = body(quote(rider));
        String first = mvc.perform(createRide(token, key, body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long rides = rideRows();
        long events = outboxRows();

        String retry = mvc.perform(createRide(token, key, body))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(JSON.readTree(retry)).isEqualTo(JSON.readTree(first));
        assertThat(rideRows()).isEqualTo(rides);
        assertThat(outboxRows()).isEqualTo(events);
    }

    @Test
    void aRetryAfterTheQuoteExpiredStillReturnsTheRide() throws Exception {
        String rider = user("rider");
        String token = Tokens.rider(rider);
        String key = key();
        String body = body(quote(rider));
        mvc.perform(createRide(token, key, body)).andExpect(status().isCreated());
        clock.advance(Duration.ofMinutes(10));

        mvc.perform(createRide(token, key, body)).andExpect(status().isOk());
    }

    @Test
    void reusingAKeyForADifferentBodyIs422AndChangesNothing() throws Exception {
        String rider = user("rider");
        String token = Tokens.rider(rider);
        String key = key();
        mvc.perform(createRide(token, key, body(quote(rider)))).andExpect(status().isCreated());
        long rides = rideRows();
        long events = outboxRows();

        mvc.perform(createRide(token, key, body(quote(rider))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.status").value(422));

        assertThat(rideRows()).isEqualTo(rides);
        assertThat(outboxRows()).isEqualTo(events);
    }

    @Test
    void idempotencyKeysArePerRider() throws Exception {
        String key = key();
        String first = user("rider");
        String second = user("rider");

        mvc.perform(createRide(Tokens.rider(first), key, body(quote(first)))).andExpect(status().isCreated());
        mvc.perform(createRide(Tokens.rider(second), key, body(quote(second)))).andExpect(status().isCreated());
    }

    @Test
    void aQuoteIssuedToAnotherRiderIs422AndCreatesNothing() throws Exception {
        String rider = user("rider");
        long rides = rideRows();
        long events = outboxRows();

        mvc.perform(createRide(Tokens.rider(rider), key(), body(quote(user("rider")))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("quoteToken"));

        assertThat(rideRows()).isEqualTo(rides);
        assertThat(outboxRows()).isEqualTo(events);
    }

    @Test
    void aQuoteBuysOneRideAnotherKeyWithTheSameQuoteIs409AndCreatesNothing() throws Exception {
        String rider = user("rider");
        String token = Tokens.rider(rider);
        String body = body(quote(rider));
        mvc.perform(createRide(token, key(), body)).andExpect(status().isCreated());
        long rides = rideRows();
        long events = outboxRows();

        mvc.perform(createRide(token, key(), body))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:quote-used"))
                .andExpect(jsonPath("$.errors[0].field").value("quoteToken"));

        assertThat(rideRows()).isEqualTo(rides);
        assertThat(outboxRows()).isEqualTo(events);
    }

    @Test
    void aRideInChicagoBelongsToUnit2() throws Exception {
        String rider = user("rider");
        QuoteClaims chicago = Quotes.claims(
                "POOL",
                2,
                41.8781,
                -87.6298,
                41.9742,
                -87.9073,
                "USD",
                clock.instant().plusSeconds(300),
                rider);

        MvcResult created = mvc.perform(createRide(Tokens.rider(rider), key(), body(chicago)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(2))
                .andExpect(jsonPath("$.product").value("POOL"))
                .andExpect(jsonPath("$.seats").value(2))
                .andReturn();

        assertThat(GlobalIdGenerator.unitOf(
                        Long.parseLong(json(created).get("id").asString())))
                .isEqualTo(2);
    }

    @Test
    void drivesTheWholeLifecycleAndWritesOneEventPerChange() throws Exception {
        String rider = user("rider");
        String driverId = user("driver");
        String driver = Tokens.driver(driverId);
        String id = requestedRide(rider);

        assertThat(assign(id, driverId).get("status").asString()).isEqualTo("DRIVER_ASSIGNED");
        assertThat(act(id, "arrive", driver).get("status").asString()).isEqualTo("DRIVER_ARRIVED");
        assertThat(act(id, "start", driver).get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode done = complete(id, driver, 7100, 1600);

        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("finalFareCents").asLong()).isEqualTo(2450);
        assertThat(done.get("actualDistanceMetres").asLong()).isEqualTo(7100);
        assertThat(done.get("version").asLong()).isEqualTo(5);
        assertThat(eventTypes(id))
                .containsExactly("RideRequested", "DriverAssigned", "DriverArrived", "RideStarted", "RideCompleted");
        assertThat(jdbc.queryForObject(
                        "SELECT CAST(terminal AS INT) FROM rides WHERE id = ?", Integer.class, Long.parseLong(id)))
                .isEqualTo(1);
    }

    @Test
    void aMuchLongerTripIsRepricedProRata() throws Exception {
        String driverId = user("driver");
        String driver = Tokens.driver(driverId);
        String id = requestedRide(user("rider"));
        assign(id, driverId);
        act(id, "arrive", driver);
        act(id, "start", driver);

        JsonNode done = complete(id, driver, 10_500, 1500);

        assertThat(done.get("finalFareCents").asLong()).isEqualTo(3675);
        JsonNode completed = JSON.readTree(jdbc.queryForObject(
                "SELECT payload FROM outbox_event WHERE aggregate_id = ? AND event_type = 'RideCompleted'",
                String.class,
                Long.parseLong(id)));
        assertThat(completed.get("repriced").asBoolean()).isTrue();
    }

    @Test
    void assigningTheDriverWhoAlreadyHoldsTheRideReturnsItUnchanged() throws Exception {
        String driverId = user("driver");
        String id = requestedRide(user("rider"));
        JsonNode first = assign(id, driverId);
        long events = outboxRows();

        JsonNode again = assign(id, driverId);

        assertThat(again).isEqualTo(first);
        assertThat(outboxRows()).isEqualTo(events);
    }

    @Test
    void aSecondDriverCannotBeAssignedAHeldRide() throws Exception {
        String id = requestedRide(user("rider"));
        assign(id, user("driver"));

        mvc.perform(assignRequest(id, user("driver")))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("DRIVER_ASSIGNED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("it is DRIVER_ASSIGNED")))
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:illegal-ride-transition"));
    }

    @Test
    void aDriverCannotTakeARideDirectlyOnlyThroughDispatch() throws Exception {
        String id = requestedRide(user("rider"));
        long events = outboxRows();

        // the route is gone: any authenticated caller gets 404 (AuthorizationMatrixTest pins it), never a ride
        mvc.perform(post("/v1/rides/" + id + "/accept")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.driver(user("driver")))))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        MvcResult read = mvc.perform(get("/v1/rides/" + id)
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.operator(user("op")))))
                .andExpect(status().isOk())
                .andReturn();
        JsonNode ride = json(read);
        assertThat(ride.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(ride.get("driverId").isNull()).isTrue();
        assertThat(ride.get("version").asLong()).isEqualTo(1);
        assertThat(outboxRows()).isEqualTo(events);
        assertThat(eventTypes(id)).containsExactly("RideRequested");
    }

    @Test
    void startingARequestedRideIs409NamingTheStatus() throws Exception {
        String driver = Tokens.driver(user("driver"));
        String id = requestedRide(user("rider"));

        mvc.perform(post("/v1/rides/" + id + "/start").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(driver)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentStatus").value("REQUESTED"));
    }

    @Test
    void cancellingWithinTheFreeWindowIsFreeAndLaterCostsTheUnitFee() throws Exception {
        String rider = user("rider");
        String early = requestedRide(rider);
        String late = requestedRide(rider);
        assign(early, user("driver"));
        assign(late, user("driver"));
        clock.advance(Duration.ofMinutes(1));

        JsonNode free = act(early, "cancel", Tokens.rider(rider));
        clock.advance(Duration.ofMinutes(2));
        JsonNode charged = act(late, "cancel", Tokens.rider(rider));

        assertThat(free.get("status").asString()).isEqualTo("CANCELLED_BY_RIDER");
        assertThat(free.get("cancellationFeeCents").asLong()).isZero();
        assertThat(charged.get("cancellationFeeCents").asLong()).isEqualTo(500);
        assertThat(eventTypes(late)).containsExactly("RideRequested", "DriverAssigned", "RideCancelled");
    }

    @Test
    void aDriverCancellingReleasesTheRideForAnotherDriver() throws Exception {
        String firstId = user("driver");
        String first = Tokens.driver(firstId);
        String second = user("driver");
        String id = requestedRide(user("rider"));
        assign(id, firstId);

        JsonNode released = act(id, "cancel", first);
        JsonNode taken = assign(id, second);

        assertThat(released.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(released.get("driverId").isNull()).isTrue();
        assertThat(taken.get("driverId").asString()).isEqualTo(second);
        assertThat(eventTypes(id))
                .containsExactly("RideRequested", "DriverAssigned", "DriverReleased", "DriverAssigned");
    }

    @Test
    void aRiderNoShowNeedsTheWaitThenCostsTheFee() throws Exception {
        String driverId = user("driver");
        String driver = Tokens.driver(driverId);
        String id = requestedRide(user("rider"));
        assign(id, driverId);
        act(id, "arrive", driver);

        mvc.perform(post("/v1/rides/" + id + "/rider-no-show").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(driver)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.allowedFrom").isString());
        clock.advance(Duration.ofMinutes(5));
        JsonNode cancelled = act(id, "rider-no-show", driver);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED_BY_DRIVER");
        assertThat(cancelled.get("cancellationFeeCents").asLong()).isEqualTo(500);
    }

    @Test
    void dispatchAssignsADriverOrGivesUp() throws Exception {
        String service = Tokens.service("dispatch-service");
        String assigned = requestedRide(user("rider"));
        String unserved = requestedRide(user("rider"));

        mvc.perform(post("/v1/rides/" + assigned + "/assign")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(service))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"driverId\":\"drv-42\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRIVER_ASSIGNED"))
                .andExpect(jsonPath("$.driverId").value("drv-42"));
        JsonNode gaveUp = act(unserved, "no-driver", service);

        assertThat(gaveUp.get("status").asString()).isEqualTo("NO_DRIVER_AVAILABLE");
        assertThat(act(assigned, "arrive", Tokens.driver("drv-42"))
                        .get("status")
                        .asString())
                .isEqualTo("DRIVER_ARRIVED");
        assertThat(eventTypes(unserved)).containsExactly("RideRequested", "NoDriverAvailable");
    }

    @Test
    void dispatchReadsAUnitsWaitingRidesInTheirRequestWindowOldestFirst() throws Exception {
        // the context's clock is shared: move past every ride other tests requested, so the window holds only ours
        clock.advance(Duration.ofHours(1));
        java.time.Instant from = clock.instant();
        String first = requestedRide(user("rider"));
        clock.advance(Duration.ofSeconds(1));
        String taken = requestedRide(user("rider"));
        clock.advance(Duration.ofSeconds(1));
        String second = requestedRide(user("rider"));
        clock.advance(Duration.ofSeconds(1));
        java.time.Instant before = clock.instant();
        String later = requestedRide(user("rider"));
        assign(taken, user("driver"));

        MvcResult waiting = mvc.perform(get("/v1/units/1/waiting-rides")
                        .param("requestedFrom", from.toString())
                        .param("requestedBefore", before.toString())
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.service("dispatch-service"))))
                .andExpect(status().isOk())
                .andReturn();
        MvcResult chicago = mvc.perform(get("/v1/units/2/waiting-rides")
                        .param("requestedFrom", from.toString())
                        .param("requestedBefore", before.toString())
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.service("dispatch-service"))))
                .andExpect(status().isOk())
                .andReturn();

        // the window ends before `later`; `taken` is no longer REQUESTED
        assertThat(ids(waiting)).containsExactly(first, second).doesNotContain(taken, later);
        assertThat(ids(chicago)).isEmpty();
    }

    @Test
    void badWaitingRidesQueriesAre400NamingTheField() throws Exception {
        String service = Tokens.bearer(Tokens.service("dispatch-service"));
        mvc.perform(get("/v1/units/64/waiting-rides")
                        .param("requestedFrom", "2026-01-01T00:00:00Z")
                        .param("requestedBefore", "2026-01-01T00:01:00Z")
                        .header(HttpHeaders.AUTHORIZATION, service))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("unitId"));
        mvc.perform(get("/v1/units/1/waiting-rides")
                        .param("requestedFrom", "yesterday")
                        .param("requestedBefore", "2026-01-01T00:01:00Z")
                        .param("limit", "0")
                        .header(HttpHeaders.AUTHORIZATION, service))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("requestedFrom", "limit")));
        mvc.perform(get("/v1/units/1/waiting-rides")
                        .param("requestedFrom", "2026-01-01T00:01:00Z")
                        .param("requestedBefore", "2026-01-01T00:00:00Z")
                        .header(HttpHeaders.AUTHORIZATION, service))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("requestedBefore"));
    }

    @Test
    void listsTheCallersOwnRidesFilteredByStatus() throws Exception {
        String rider = user("rider");
        String driverId = user("driver");
        String driver = Tokens.driver(driverId);
        String open = requestedRide(rider);
        String taken = requestedRide(rider);
        requestedRide(user("rider"));
        assign(taken, driverId);

        MvcResult all = mvc.perform(
                        get("/v1/rides").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.rider(rider))))
                .andExpect(status().isOk())
                .andReturn();
        MvcResult requested = mvc.perform(get("/v1/rides?status=REQUESTED")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.rider(rider))))
                .andExpect(status().isOk())
                .andReturn();
        MvcResult driverView = mvc.perform(get("/v1/rides").header(HttpHeaders.AUTHORIZATION, Tokens.bearer(driver)))
                .andExpect(status().isOk())
                .andReturn();

        assertThat(ids(all)).containsExactly(taken, open);
        assertThat(ids(requested)).containsExactly(open);
        assertThat(ids(driverView)).containsExactly(taken);
    }

    @Test
    void healthAndApiDocsNeedNoToken() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token"))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/v1/rides']").exists())
                .andExpect(jsonPath("$.paths['/v1/rides/{id}/arrive']").exists())
                .andExpect(jsonPath("$.paths['/v1/rides/{id}/assign']").exists())
                .andExpect(jsonPath("$.paths['/v1/rides/{id}/accept']").doesNotExist());
    }

    @Test
    void otherActuatorEndpointsNeedAnOperator() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.rider(user("rider")))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.operator(user("op")))))
                .andExpect(status().isOk());
    }

    @Test
    void unknownRoutesAre404Problems() throws Exception {
        mvc.perform(get("/v1/nothing-here")
                        .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(Tokens.operator(user("op")))))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static List<String> ids(MvcResult result) throws Exception {
        return json(result)
                .get("rides")
                .valueStream()
                .map(ride -> ride.get("id").asString())
                .toList();
    }
}
