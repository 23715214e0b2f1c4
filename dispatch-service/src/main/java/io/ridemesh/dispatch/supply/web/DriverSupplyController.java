package io.ridemesh.dispatch.supply.web;

import io.ridemesh.common.geo.GeoPoint;
import io.ridemesh.dispatch.supply.application.GoOffline;
import io.ridemesh.dispatch.supply.application.GoOnline;
import io.ridemesh.dispatch.supply.application.InvalidDriverInput;
import io.ridemesh.dispatch.supply.application.RecordLocations;
import io.ridemesh.dispatch.supply.domain.DriverId;
import io.ridemesh.dispatch.supply.domain.DriverStatus;
import io.ridemesh.dispatch.supply.domain.LocationFix;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The driver app's supply API; the driver is the JWT's {@code sub} (role {@code driver}). Bad input is rejected
 * before anything is stored (400 naming the field). Thread-safe.
 */
@RestController
@RequestMapping(path = "/v1/drivers/me", produces = MediaType.APPLICATION_JSON_VALUE)
class DriverSupplyController {

    private final GoOnline goOnline;
    private final GoOffline goOffline;
    private final RecordLocations recordLocations;

    DriverSupplyController(GoOnline goOnline, GoOffline goOffline, RecordLocations recordLocations) {
        this.goOnline = goOnline;
        this.goOffline = goOffline;
        this.recordLocations = recordLocations;
    }

    @PostMapping(path = "/online", consumes = MediaType.APPLICATION_JSON_VALUE)
    DriverStatusView online(@Valid @RequestBody OnlineBody body, @AuthenticationPrincipal Jwt jwt) {
        DriverId driver = Callers.driver(jwt);
        DriverStatus status = goOnline.online(
                driver,
                Objects.requireNonNull(body.seats()),
                new GeoPoint(Objects.requireNonNull(body.lat()), Objects.requireNonNull(body.lon())));
        return new DriverStatusView(driver.value(), status.code());
    }

    @PostMapping("/offline")
    DriverStatusView offline(@AuthenticationPrincipal Jwt jwt) {
        DriverId driver = Callers.driver(jwt);
        goOffline.offline(driver);
        return new DriverStatusView(driver.value(), DriverStatus.OFFLINE.code());
    }

    @PostMapping(path = "/location", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> location(@Valid @RequestBody LocationBody body, @AuthenticationPrincipal Jwt jwt) {
        recordLocations.record(Callers.driver(jwt), body.toFix());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/locations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> locations(@Valid @RequestBody LocationsBody body, @AuthenticationPrincipal Jwt jwt) {
        List<LocationBody> points = Objects.requireNonNull(body.points());
        if (points.size() > LocationsBody.MAX_POINTS) {
            throw new InvalidDriverInput("points", "must hold 1.." + LocationsBody.MAX_POINTS + " points");
        }
        List<LocationFix> fixes = new java.util.ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            LocationBody p = points.get(i);
            if (p == null) {
                throw new InvalidDriverInput("points[" + i + "]", "is required");
            }
            p.check("points[" + i + "]");
            fixes.add(p.toFix());
        }
        recordLocations.recordBatch(Callers.driver(jwt), fixes);
        return ResponseEntity.noContent().build();
    }
}
