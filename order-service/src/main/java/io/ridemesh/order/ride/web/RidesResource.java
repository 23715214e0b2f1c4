package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.kit.problem.InvalidRequest;
import io.ridemesh.order.ride.application.CancelRide;
import io.ridemesh.order.ride.application.RequestOutcome;
import io.ridemesh.order.ride.application.RequestRide;
import io.ridemesh.order.ride.application.RideRequest;
import io.ridemesh.order.ride.application.ViewRides;
import io.ridemesh.order.ride.domain.IdempotencyKey;
import io.ridemesh.order.ride.domain.RideStatus;
import io.ridemesh.order.ride.domain.SeatLimits;
import io.ridemesh.order.ride.domain.Trip;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponses;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Riders' API: request, read, list and cancel rides. Drivers and operators read here too. */
@RestController
@RequestMapping(path = "/v1/rides", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "rides", description = "Request, read and cancel rides")
public class RidesResource {

    /** The header that makes ride creation idempotent. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RequestRide requestRide;
    private final ViewRides viewRides;
    private final CancelRide cancelRide;
    private final SeatLimits seatLimits;

    public RidesResource(RequestRide requestRide, ViewRides viewRides, CancelRide cancelRide, SeatLimits seatLimits) {
        this.requestRide = Objects.requireNonNull(requestRide, "requestRide");
        this.viewRides = Objects.requireNonNull(viewRides, "viewRides");
        this.cancelRide = Objects.requireNonNull(cancelRide, "cancelRide");
        this.seatLimits = Objects.requireNonNull(seatLimits, "seatLimits");
    }

    @Operation(
            summary = "Request a ride at a quoted price",
            description = "201 with the new ride; 200 with the same ride when the Idempotency-Key and body repeat an"
                    + " earlier request; 422 when the key was used for a different body.")
    @ApiResponses({
        @ApiResponse(responseCode = "201", description = "ride created"),
        @ApiResponse(responseCode = "200", description = "repeat of an earlier request: that ride"),
        @ApiResponse(
                responseCode = "400",
                description = "malformed input or missing Idempotency-Key",
                content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
                responseCode = "413",
                description = "body too large",
                content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
                responseCode = "422",
                description = "quote tampered, expired or not matching; pickup outside every unit; key reused",
                content = @Content(mediaType = "application/problem+json"))
    })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RideView> request(
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey,
            @RequestBody RideRequestBody body,
            @AuthenticationPrincipal Jwt jwt) {
        FieldErrors errors = new FieldErrors();
        IdempotencyKey key = idempotencyKey(idempotencyKey, errors);
        Trip trip = body.validate(errors, seatLimits);
        errors.throwIfAny();
        RideRequest command = new RideRequest(
                Actors.of(jwt).asRider(),
                Objects.requireNonNull(key),
                Objects.requireNonNull(body.quoteToken()),
                Objects.requireNonNull(trip));
        RequestOutcome outcome = requestRide.request(command);
        RideView view = RideView.of(outcome.ride());
        if (outcome instanceof RequestOutcome.Created) {
            return ResponseEntity.created(URI.create("/v1/rides/" + view.id())).body(view);
        }
        return ResponseEntity.status(HttpStatus.OK)
                .location(URI.create("/v1/rides/" + view.id()))
                .body(view);
    }

    @Operation(summary = "Read a ride the caller may see")
    @GetMapping("/{id}")
    RideView get(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(viewRides.find(PathIds.rideId(id), Actors.of(jwt)));
    }

    @Operation(
            summary = "List the caller's rides, newest first",
            description = "A rider's own rides, the rides a driver holds or held, every ride for operators.")
    @GetMapping
    RideList list(@RequestParam(required = false) @Nullable String status, @AuthenticationPrincipal Jwt jwt) {
        RideStatus filter = status == null ? null : status(status);
        return new RideList(viewRides.list(Actors.of(jwt), filter).stream()
                .map(RideView::of)
                .toList());
    }

    @Operation(
            summary = "Cancel a ride",
            description = "Rider: ends the ride (CANCELLED_BY_RIDER), a fee may apply. Driver holding the ride:"
                    + " releases it back to REQUESTED for another driver.")
    @PostMapping("/{id}/cancel")
    RideView cancel(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(cancelRide.cancel(PathIds.rideId(id), Actors.of(jwt)));
    }

    private static @Nullable IdempotencyKey idempotencyKey(@Nullable String header, FieldErrors errors) {
        if (header == null) {
            errors.reject(IDEMPOTENCY_KEY, "is required: a client-chosen key, the same for retries of one request");
            return null;
        }
        try {
            return new IdempotencyKey(header);
        } catch (IllegalArgumentException e) {
            errors.reject(IDEMPOTENCY_KEY, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private static RideStatus status(String text) {
        try {
            return RideStatus.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.of(
                    "status",
                    "must be one of "
                            + Arrays.stream(RideStatus.values()).map(Enum::name).collect(Collectors.joining(", "))
                            + ", but was '" + text + "'");
        }
    }
}
