package io.ridemesh.dispatch.matching.application;

import io.ridemesh.common.unit.UnitDefinition;
import io.ridemesh.common.unit.UnitMap;
import io.ridemesh.dispatch.matching.domain.PendingRides;
import io.ridemesh.dispatch.matching.domain.RegisterOutcome;
import io.ridemesh.dispatch.matching.domain.RideRequest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/** Use case behind {@link RideRequests}: queues a ride of a known unit for the next window. Thread-safe. */
public final class RegisterRideRequest implements RideRequests {

    private final PendingRides pending;
    private final UnitMap units;
    private final MatchingSettings settings;
    private final InstantSource clock;

    public RegisterRideRequest(PendingRides pending, UnitMap units, MatchingSettings settings, InstantSource clock) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.units = Objects.requireNonNull(units, "units");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RegisterOutcome submit(String eventId, RideRequest request, Instant occurredAt) {
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("eventId must not be blank, but was '" + eventId + "'");
        }
        Optional<UnitDefinition> unit = units.byId(request.unitId());
        if (unit.isEmpty()) {
            return RegisterOutcome.UNKNOWN_UNIT;
        }
        if (occurredAt.isBefore(clock.instant().minus(settings.maxEventAge()))) {
            return RegisterOutcome.TOO_OLD;
        }
        return pending.register(eventId, unit.get().code(), request, settings.eventTtl(), settings.requestTtl());
    }
}
