package io.ridemesh.dispatch.matching.messaging;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.matching.domain.Product;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import io.ridemesh.dispatch.matching.domain.TakeoverSourceUnavailable;
import io.ridemesh.dispatch.matching.domain.WaitingRides;
import io.ridemesh.kit.client.ServiceCallFailed;
import io.ridemesh.kit.client.ServiceClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * {@link WaitingRides} from the region's order-service: {@code GET /v1/units/{unitId}/waiting-rides?requestedFrom=
 * &requestedBefore=&limit=} (its query API for dispatch, role {@code service}), body {@code {"rides": [ride view,
 * ...]}} oldest first. Thread-safe.
 */
public final class HttpWaitingRides implements WaitingRides {

    private final ServiceClient orderService;

    /** @param orderService a client whose base URL is the region's order-service */
    public HttpWaitingRides(ServiceClient orderService) {
        this.orderService = Objects.requireNonNull(orderService, "orderService");
    }

    @Override
    public List<RideRequest> waiting(int unitId, Instant requestedFrom, Instant requestedBefore, int limit) {
        JsonNode rides;
        try {
            rides = orderService
                    .get("the waiting rides of unit " + unitId, uri -> uri.path("/v1/units/{unitId}/waiting-rides")
                            .queryParam("requestedFrom", requestedFrom.toString())
                            .queryParam("requestedBefore", requestedBefore.toString())
                            .queryParam("limit", limit)
                            .build(unitId))
                    .path("rides");
        } catch (ServiceCallFailed e) {
            throw new TakeoverSourceUnavailable(String.valueOf(e.getMessage()), e);
        }
        if (!rides.isArray()) {
            throw new TakeoverSourceUnavailable(
                    "order-service's waiting rides of unit " + unitId + " have no rides array");
        }
        List<RideRequest> requests = new ArrayList<>(rides.size());
        for (JsonNode ride : rides) {
            requests.add(request(ride));
        }
        return requests;
    }

    private static RideRequest request(JsonNode ride) {
        try {
            return new RideRequest(
                    Long.parseLong(ride.path("id").asString()),
                    ride.path("unitId").asInt(),
                    point(ride.path("pickup")),
                    point(ride.path("dropoff")),
                    Product.valueOf(ride.path("product").asString().toUpperCase(Locale.ROOT)),
                    ride.path("seats").asInt(),
                    Instant.parse(ride.path("requestedAt").asString()));
        } catch (RuntimeException e) {
            throw new TakeoverSourceUnavailable(
                    "order-service answered a waiting ride dispatch cannot read: " + ride, e);
        }
    }

    private static GeoPoint point(JsonNode point) {
        return new GeoPoint(point.path("lat").asDouble(), point.path("lon").asDouble());
    }
}
