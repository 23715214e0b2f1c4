package io.ridemesh.order.ride.web;

import io.ridemesh.kit.problem.FieldErrors;
import io.ridemesh.order.ride.application.ViewRides;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal query API for dispatch-service (role {@code service}; operators may read it too): the rides of a unit that
 * wait for a driver, which a unit's new home region takes over after a failover. Dispatch reads them here instead of
 * reading order-service's schema.
 */
@RestController
@RequestMapping(path = "/v1/units/{unitId}/waiting-rides", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "dispatch", description = "Internal: used by dispatch-service")
public class WaitingRidesResource {

    /** The largest unit id: a global id holds the unit in six bits. */
    static final int MAX_UNIT_ID = 63;

    /** The page size when {@code limit} is absent. */
    static final int DEFAULT_LIMIT = 1000;

    private final ViewRides viewRides;

    public WaitingRidesResource(ViewRides viewRides) {
        this.viewRides = Objects.requireNonNull(viewRides, "viewRides");
    }

    @Operation(
            summary = "REQUESTED rides of a unit requested in [requestedFrom, requestedBefore), oldest first",
            description = "requestedFrom and requestedBefore are ISO-8601 UTC instants; limit 1..10000 (default"
                    + " 1000). Bad input is a 400 problem naming the field.")
    @GetMapping
    RideList waiting(
            @PathVariable String unitId,
            @RequestParam(required = false) @Nullable String requestedFrom,
            @RequestParam(required = false) @Nullable String requestedBefore,
            @RequestParam(required = false) @Nullable String limit) {
        FieldErrors errors = new FieldErrors();
        int unit = intIn(errors, "unitId", unitId, 1, MAX_UNIT_ID);
        Instant from = instant(errors, "requestedFrom", requestedFrom);
        Instant before = instant(errors, "requestedBefore", requestedBefore);
        int max = limit == null ? DEFAULT_LIMIT : intIn(errors, "limit", limit, 1, ViewRides.MAX_WAITING);
        if (from != null && before != null && !before.isAfter(from)) {
            errors.reject("requestedBefore", "must be after requestedFrom (" + from + "), but was " + before);
        }
        errors.throwIfAny();
        return new RideList(
                viewRides.waiting(unit, Objects.requireNonNull(from), Objects.requireNonNull(before), max).stream()
                        .map(RideView::of)
                        .toList());
    }

    private static int intIn(FieldErrors errors, String field, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.reject(field, "must be a whole number in " + min + ".." + max + ", but was '" + text + "'");
        return min;
    }

    private static @Nullable Instant instant(FieldErrors errors, String field, @Nullable String text) {
        if (!errors.requirePresent(field, text)) {
            return null;
        }
        try {
            return Instant.parse(Objects.requireNonNull(text));
        } catch (DateTimeParseException e) {
            errors.reject(
                    field, "must be an ISO-8601 UTC instant such as 2026-01-01T08:00:00Z, but was '" + text + "'");
            return null;
        }
    }
}
