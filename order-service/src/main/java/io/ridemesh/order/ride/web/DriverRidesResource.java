package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.application.ArriveAtPickup;
import io.ridemesh.order.ride.application.CompleteRide;
import io.ridemesh.order.ride.application.ReportRiderNoShow;
import io.ridemesh.order.ride.application.StartRide;
import io.ridemesh.order.ride.domain.TripActuals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drivers' API: arrive at the pickup, start and complete a ride they hold, or report a rider no-show. A driver takes a
 * ride only through dispatch-service's offer, which ends in {@code POST /v1/rides/{id}/assign}
 * ({@link DispatchRidesResource}); there is no direct accept here. Repeating a command whose result already holds
 * returns the ride unchanged (200).
 */
@RestController
@RequestMapping(path = "/v1/rides/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "driver", description = "Drive a ride")
public class DriverRidesResource {

    private final ArriveAtPickup arriveAtPickup;
    private final StartRide startRide;
    private final CompleteRide completeRide;
    private final ReportRiderNoShow reportRiderNoShow;

    public DriverRidesResource(
            ArriveAtPickup arriveAtPickup,
            StartRide startRide,
            CompleteRide completeRide,
            ReportRiderNoShow reportRiderNoShow) {
        this.arriveAtPickup = Objects.requireNonNull(arriveAtPickup, "arriveAtPickup");
        this.startRide = Objects.requireNonNull(startRide, "startRide");
        this.completeRide = Objects.requireNonNull(completeRide, "completeRide");
        this.reportRiderNoShow = Objects.requireNonNull(reportRiderNoShow, "reportRiderNoShow");
    }

    @Operation(summary = "Report arrival at the pickup")
    @PostMapping("/arrive")
    RideView arrive(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(arriveAtPickup.arrive(PathIds.rideId(id), Actors.of(jwt)));
    }

    @Operation(summary = "Start the trip: the rider is on board")
    @PostMapping("/start")
    RideView start(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(startRide.start(PathIds.rideId(id), Actors.of(jwt)));
    }

    @Operation(
            summary = "Complete the trip with the measured distance and duration",
            description = "The final fare is the quoted fare unless the trip deviated beyond the re-pricing threshold.")
    @PostMapping(path = "/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    RideView complete(@PathVariable String id, @RequestBody CompleteRideBody body, @AuthenticationPrincipal Jwt jwt) {
        FieldErrors errors = new FieldErrors();
        TripActuals measured = body.validate(errors);
        errors.throwIfAny();
        return RideView.of(completeRide.complete(PathIds.rideId(id), Actors.of(jwt), Objects.requireNonNull(measured)));
    }

    @Operation(summary = "Report that the rider did not come after the required wait; the rider pays the no-show fee")
    @PostMapping("/rider-no-show")
    RideView riderNoShow(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(reportRiderNoShow.report(PathIds.rideId(id), Actors.of(jwt)));
    }
}
