package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.application.AssignDriver;
import io.ridemesh.order.ride.application.ReportNoDriverAvailable;
import io.ridemesh.order.ride.domain.DriverId;
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

/** Internal API for dispatch-service (role {@code service}): assign a driver, or give up. */
@RestController
@RequestMapping(path = "/v1/rides/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "dispatch", description = "Internal: used by dispatch-service")
public class DispatchRidesResource {

    private final AssignDriver assignDriver;
    private final ReportNoDriverAvailable reportNoDriverAvailable;

    public DispatchRidesResource(AssignDriver assignDriver, ReportNoDriverAvailable reportNoDriverAvailable) {
        this.assignDriver = Objects.requireNonNull(assignDriver, "assignDriver");
        this.reportNoDriverAvailable = Objects.requireNonNull(reportNoDriverAvailable, "reportNoDriverAvailable");
    }

    @Operation(summary = "Assign a driver to a REQUESTED ride (versioned CAS; 409 if the ride changed meanwhile)")
    @PostMapping(path = "/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    RideView assign(@PathVariable String id, @RequestBody AssignDriverBody body, @AuthenticationPrincipal Jwt jwt) {
        FieldErrors errors = new FieldErrors();
        DriverId driver = body.validate(errors);
        errors.throwIfAny();
        return RideView.of(assignDriver.assign(PathIds.rideId(id), Objects.requireNonNull(driver), Actors.of(jwt)));
    }

    @Operation(summary = "Report that no driver was found; the ride ends NO_DRIVER_AVAILABLE")
    @PostMapping("/no-driver")
    RideView noDriver(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        return RideView.of(reportNoDriverAvailable.report(PathIds.rideId(id), Actors.of(jwt)));
    }
}
