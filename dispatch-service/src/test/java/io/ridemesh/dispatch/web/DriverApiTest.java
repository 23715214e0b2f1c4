package io.ridemesh.dispatch.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.common.geo.H3CellIndex;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.DispatchProperties;
import io.ridemesh.dispatch.offer.application.AcceptOffer;
import io.ridemesh.dispatch.offer.application.DeclineOffer;
import io.ridemesh.dispatch.offer.application.OfferNotFound;
import io.ridemesh.dispatch.offer.application.OfferWaiters;
import io.ridemesh.dispatch.offer.domain.Offer;
import io.ridemesh.dispatch.offer.domain.OfferStatus;
import io.ridemesh.dispatch.offer.domain.Offers;
import io.ridemesh.dispatch.supply.application.DriverPlacements;
import io.ridemesh.dispatch.supply.application.GoOffline;
import io.ridemesh.dispatch.supply.application.GoOnline;
import io.ridemesh.dispatch.supply.application.HeldOffers;
import io.ridemesh.dispatch.supply.application.RecordLocations;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.DriverSupply;
import io.ridemesh.dispatch.supply.domain.LocationOutcome;
import io.ridemesh.testsupport.MutableClock;
import jakarta.servlet.AsyncListener;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Web slice: the driver API rejects bad input with a problem naming the field, and changes nothing. */
@WebMvcTest
@Import({SecurityConfiguration.class, DriverApiTest.Wiring.class})
@TestPropertySource(
        properties = {
            "dispatch.region-id=1",
            "dispatch.region-name=a",
            "dispatch.order-service.url=http://127.0.0.1:9",
            "dispatch.takeover.gateway-url=http://127.0.0.1:9"
        })
class DriverApiTest {

    static final Instant NOW = Instant.parse("2026-03-02T18:00:00Z");
    static final String TIMES_SQUARE = "\"lat\": 40.758, \"lon\": -73.9855";

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DispatchProperties.class)
    @EnableWebSecurity
    static class Wiring {
        @Bean
        DriverSupply driverSupply() {
            return Mockito.mock(DriverSupply.class);
        }

        @Bean
        Offers offers() {
            return Mockito.mock(Offers.class);
        }

        @Bean
        OfferWaiters offerWaiters() {
            return new OfferWaiters();
        }

        @Bean
        AcceptOffer acceptOffer() {
            return Mockito.mock(AcceptOffer.class);
        }

        @Bean
        DeclineOffer declineOffer() {
            return Mockito.mock(DeclineOffer.class);
        }

        @Bean
        DriverPlacements placements() {
            return new DriverPlacements(UnitMap.standard(), H3CellIndex.load(), 8);
        }

        @Bean
        GoOnline goOnline(DriverSupply supply, DriverPlacements placements, DispatchProperties p) {
            return new GoOnline(supply, placements, p.supplySettings(), new MutableClock(NOW));
        }

        @Bean
        GoOffline goOffline(DriverSupply supply, DispatchProperties p) {
            HeldOffers none = driver -> {};
            return new GoOffline(supply, none, p.supplySettings());
        }

        @Bean
        RecordLocations recordLocations(DriverSupply supply, DriverPlacements placements, DispatchProperties p) {
            return new RecordLocations(supply, placements, p.supplySettings(), new MutableClock(NOW));
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    OfferWaiters waiters;

    @Autowired
    DriverSupply supply;

    @Autowired
    AcceptOffer acceptOffer;

    @Autowired
    Offers offers;

    @BeforeEach
    void resetMocks() {
        reset(supply, acceptOffer, offers);
        // the driver of these tests is online unless a test says otherwise (the long poll is its heartbeat)
        when(supply.heartbeat(any(), any(), any())).thenReturn(true);
    }

    @Test
    void goesOnlineInsideAServiceArea() throws Exception {
        when(supply.goOnline(eq(new DriverId("d-1")), eq(2), any(), any())).thenReturn(DriverStatus.AVAILABLE);
        mvc.perform(json(post("/v1/drivers/me/online"), "{\"seats\": 2, " + TIMES_SQUARE + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("available"))
                .andExpect(jsonPath("$.driverId").value("d-1"));
    }

    @Test
    void rejectsAMissingSeatsField() throws Exception {
        expectInvalid(post("/v1/drivers/me/online"), "{" + TIMES_SQUARE + "}", "seats");
    }

    @Test
    void rejectsZeroSeats() throws Exception {
        expectInvalid(post("/v1/drivers/me/online"), "{\"seats\": 0, " + TIMES_SQUARE + "}", "seats");
    }

    @Test
    void rejectsSeatsOfTheWrongType() throws Exception {
        expectInvalid(post("/v1/drivers/me/online"), "{\"seats\": \"two\", " + TIMES_SQUARE + "}", "seats");
    }

    @Test
    void rejectsALatitudeOutOfRange() throws Exception {
        expectInvalid(post("/v1/drivers/me/online"), "{\"seats\": 1, \"lat\": 91, \"lon\": -73.9}", "lat");
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        mvc.perform(json(post("/v1/drivers/me/online"), "{\"seats\": 1,"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:invalid-field"));
        verifyNoInteractions(supply);
    }

    @Test
    void refusesToGoOnlineOutsideEveryServiceArea() throws Exception {
        mvc.perform(json(post("/v1/drivers/me/online"), "{\"seats\": 1, \"lat\": 51.5, \"lon\": -0.12}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:outside-service-area"))
                .andExpect(jsonPath("$.field").value("lat"));
        verifyNoInteractions(supply);
    }

    @Test
    void rejectsALocationWithoutTimestamp() throws Exception {
        expectInvalid(post("/v1/drivers/me/location"), "{" + TIMES_SQUARE + "}", "ts");
    }

    @Test
    void rejectsALocationStampedInTheFuture() throws Exception {
        long future = NOW.plusSeconds(3600).toEpochMilli();
        expectInvalid(post("/v1/drivers/me/location"), "{" + TIMES_SQUARE + ", \"ts\": " + future + "}", "ts");
    }

    @Test
    void recordsALocation() throws Exception {
        when(supply.locate(any(), any(), any())).thenReturn(LocationOutcome.UPDATED);
        mvc.perform(json(post("/v1/drivers/me/location"), "{" + TIMES_SQUARE + ", \"ts\": " + NOW.toEpochMilli() + "}"))
                .andExpect(status().isNoContent());
        verify(supply).locate(eq(new DriverId("d-1")), any(), any());
    }

    @Test
    void answersConflictForALocationOfAnOfflineDriver() throws Exception {
        when(supply.locate(any(), any(), any())).thenReturn(LocationOutcome.NOT_ONLINE);
        mvc.perform(json(post("/v1/drivers/me/location"), "{" + TIMES_SQUARE + ", \"ts\": " + NOW.toEpochMilli() + "}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:driver-not-online"));
    }

    @Test
    void rejectsABatchOfMoreThan500Points() throws Exception {
        expectInvalid(post("/v1/drivers/me/locations"), batch(501, -1), "points");
    }

    @Test
    void rejectsAnEmptyBatch() throws Exception {
        expectInvalid(post("/v1/drivers/me/locations"), "{\"points\": []}", "points");
    }

    @Test
    void rejectsABatchWithOneBadPointAndStoresNone() throws Exception {
        expectInvalid(post("/v1/drivers/me/locations"), batch(5, 2), "points[2].lat");
    }

    @Test
    void namesTheBadFieldOfABatchPoint() throws Exception {
        long ts = NOW.toEpochMilli() - 60_000;
        String ok = "{\"lat\": 40.75, \"lon\": -73.98, \"ts\": " + ts + "}";
        expectInvalid(post("/v1/drivers/me/locations"), "{\"points\": [" + ok + ", null]}", "points[1]");
        expectInvalid(
                post("/v1/drivers/me/locations"),
                "{\"points\": [" + ok + ", {\"lat\": 40.75, \"lon\": -181, \"ts\": 1}]}",
                "points[1].lon");
        expectInvalid(
                post("/v1/drivers/me/locations"), "{\"points\": [{\"lat\": 40.75, \"lon\": -73.98}]}", "points[0].ts");
        expectInvalid(
                post("/v1/drivers/me/locations"),
                "{\"points\": [{\"lat\": 40.75, \"lon\": -73.98, \"ts\": 0}]}",
                "points[0].ts");
    }

    @Test
    void acceptsABatchOf500Points() throws Exception {
        when(supply.locate(any(), any(), any())).thenReturn(LocationOutcome.UPDATED);
        mvc.perform(json(post("/v1/drivers/me/locations"), batch(500, -1))).andExpect(status().isNoContent());
        verify(supply).locate(eq(new DriverId("d-1")), any(), any());
    }

    @Test
    void refusesABodyOverTheLimitWith413AndRecordsNothing() throws Exception {
        String point = "{\"lat\": 40.75, \"lon\": -73.98, \"ts\": " + NOW.toEpochMilli() + "},";
        String huge = "{\"points\": [" + point.repeat(1500) + point.substring(0, point.length() - 1) + "]}";
        assertThat(huge.length()).isGreaterThan(64 * 1024);

        mvc.perform(json(post("/v1/drivers/me/locations"), huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:content-too-large"))
                .andExpect(jsonPath("$.field").value("body"));
        verify(supply, never()).locate(any(), any(), any());
    }

    @Test
    void rejectsANonNumericOfferId() throws Exception {
        mvc.perform(post("/v1/offers/abc/accept").with(driver()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("offerId"));
        verifyNoInteractions(acceptOffer);
    }

    @Test
    void answersNotFoundForAnotherDriversOffer() throws Exception {
        when(acceptOffer.accept(eq(42L), any())).thenThrow(new OfferNotFound(42));
        mvc.perform(post("/v1/offers/42/accept").with(driver()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:offer-not-found"));
    }

    @Test
    void answersNoContentWithoutAnOpenOffer() throws Exception {
        mvc.perform(get("/v1/drivers/me/offer").with(driver())).andExpect(status().isNoContent());
    }

    @Test
    void aLongPollBeyondTheLimitIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/v1/drivers/me/offer").param("waitSeconds", "56").with(driver()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("waitSeconds"));
    }

    @Test
    void aLongPollIsAnsweredWithTheOfferPlacedWhileItWaits() throws Exception {
        DriverId d1 = new DriverId("d-1");
        MvcResult waiting = waitForAnOffer(d1);
        assertThat(waiters.size()).isEqualTo(1);

        when(offers.heldBy(d1)).thenReturn(Optional.of(offerFor(d1)));
        waiters.offerPlaced(d1);

        mvc.perform(asyncDispatch(waiting))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.offerId").value("77"));
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aLongPollIsTheDriversHeartbeat() throws Exception {
        DriverId d1 = new DriverId("d-1");

        pollWithAnOpenOffer(d1);

        verify(supply).heartbeat(eq(d1), eq(NOW), any());
    }

    @Test
    void aLongPollThatWaitedItsWholeTimeIsAHeartbeatAgain() throws Exception {
        DriverId d1 = new DriverId("d-1");
        MvcResult waiting = waitForAnOffer(d1);
        verify(supply, times(1)).heartbeat(eq(d1), eq(NOW), any());

        MockAsyncContext async = (MockAsyncContext) waiting.getRequest().getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onTimeout(null);
        }

        mvc.perform(asyncDispatch(waiting)).andExpect(status().isNoContent());
        verify(supply, times(2)).heartbeat(eq(d1), eq(NOW), any());
    }

    @Test
    void aLongPollOfADriverWhoIsNotOnlineIsAConflictAndWaitsForNothing() throws Exception {
        when(supply.heartbeat(any(), any(), any())).thenReturn(false);

        mvc.perform(get("/v1/drivers/me/offer").param("waitSeconds", "20").with(driver()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("driver-not-online")));
        assertThat(waiters.size()).isZero();
    }

    @Test
    void aLongPollWithAnOpenOfferAnswersAtOnce() throws Exception {
        pollWithAnOpenOffer(new DriverId("d-1"));
        assertThat(waiters.size()).isZero();
    }

    /** {@code driver} holds no offer and long-polls: the request waits (asynchronously). */
    private MvcResult waitForAnOffer(DriverId driver) throws Exception {
        when(offers.heldBy(driver)).thenReturn(Optional.empty());
        return mvc.perform(
                        get("/v1/drivers/me/offer").param("waitSeconds", "20").with(driver()))
                .andExpect(request().asyncStarted())
                .andReturn();
    }

    /** {@code driver} holds an offer and long-polls: the answer is 200. */
    private void pollWithAnOpenOffer(DriverId driver) throws Exception {
        when(offers.heldBy(driver)).thenReturn(Optional.of(offerFor(driver)));
        MvcResult result = mvc.perform(
                        get("/v1/drivers/me/offer").param("waitSeconds", "20").with(driver()))
                .andReturn();
        mvc.perform(asyncDispatch(result)).andExpect(status().isOk());
    }

    static Offer offerFor(DriverId driver) {
        GeoPoint p = new GeoPoint(40.758, -73.9855);
        return new Offer(77, 5, driver, "nyc", p, p, 1, 60, NOW, NOW.plusSeconds(15), OfferStatus.PENDING);
    }

    @Test
    void requiresAToken() throws Exception {
        mvc.perform(post("/v1/drivers/me/offline"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:unauthorized"));
        verifyNoInteractions(supply);
    }

    @Test
    void requiresTheDriverRole() throws Exception {
        mvc.perform(post("/v1/drivers/me/offline")
                        .with(jwt().jwt(j -> j.subject("r-1").claim("role", "rider"))
                                .authorities(new SimpleGrantedAuthority("ROLE_rider"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:forbidden"));
        verify(supply, never()).goOffline(any(), any());
    }

    @Test
    void goesOffline() throws Exception {
        when(supply.goOffline(any(), any())).thenReturn(io.ridemesh.dispatch.supply.domain.OfflineOutcome.WENT_OFFLINE);
        mvc.perform(post("/v1/drivers/me/offline").with(driver()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("offline"));
    }

    private void expectInvalid(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
        mvc.perform(json(request, body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:ridemesh:problem:invalid-field"))
                .andExpect(jsonPath("$.field").value(field));
        verify(supply, never()).goOnline(any(), anyInt(), any(), any());
        verify(supply, never()).locate(any(), any(), any());
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(driver()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static RequestPostProcessor driver() {
        return jwt().jwt(j -> j.subject("d-1").claim("role", "driver"))
                .authorities(new SimpleGrantedAuthority("ROLE_driver"));
    }

    /** {@code n} points, the one at {@code badIndex} (if any) with latitude 123. */
    private static String batch(int n, int badIndex) {
        long ts = NOW.toEpochMilli() - 60_000;
        return IntStream.range(0, n)
                .mapToObj(i -> "{\"lat\": " + (i == badIndex ? "123" : "40.75") + ", \"lon\": -73.98, \"ts\": "
                        + (ts + i) + "}")
                .collect(Collectors.joining(",", "{\"points\": [", "]}"));
    }
}
