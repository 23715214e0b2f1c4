package io.ridemesh.pricing.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A taximeter rate card: an initial charge, then one increment per distance step while the cab moves faster than the
 * meter's crossover speed, or per time step while it is slower or stopped (the "time-or-distance" meter both NYC and
 * Chicago use), plus fixed {@link Surcharge surcharges} and extra-passenger charges. The numbers and their sources are
 * configuration ({@code pricing-tariffs.json}, each tariff's {@link #source()}); this type only applies them.
 *
 * <p><b>Rounding</b>, as a meter drops money: whole increments only, each distance and time total rounded down
 * separately — {@code initial + floor(d / dStep) * dCents + floor(s / tStep) * tCents} — so a partial step is never
 * charged. (Chicago's "first 1/9 mile or fraction thereof, each additional 1/9 mile or fraction thereof" charges
 * {@code ceil(d / step) - 1} additional steps, which equals {@code floor(d / step)} except at exact multiples.) All
 * amounts are integer cents. Immutable; thread-safe.
 *
 * @param name human-readable name of the rate card
 * @param effectiveFrom first local date the card applies; {@code null} for "any earlier date" (the oldest card)
 * @param initialChargeCents charged when the meter starts ("initial charge", "flag pull"), cents
 * @param distanceIncrementMetres distance per increment, metres (1/5 mile = 321.8688 m, 1/9 mile = 178.816 m)
 * @param distanceIncrementCents cents per distance increment
 * @param timeIncrementSeconds slow/stopped time per increment, seconds
 * @param timeIncrementCents cents per time increment
 * @param surcharges fixed amounts by time of day, and taxes
 * @param firstExtraPassengerCents charged once when a SOLO ride carries 2 or more passengers, cents
 * @param furtherExtraPassengerCents charged for each passenger beyond the second on a SOLO ride, cents
 * @param source citation of the rule text these numbers come from
 */
public record Tariff(
        String name,
        @Nullable LocalDate effectiveFrom,
        long initialChargeCents,
        double distanceIncrementMetres,
        long distanceIncrementCents,
        long timeIncrementSeconds,
        long timeIncrementCents,
        List<Surcharge> surcharges,
        long firstExtraPassengerCents,
        long furtherExtraPassengerCents,
        String source) {

    public Tariff {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        requireNonNegative("initialChargeCents", initialChargeCents);
        requireNonNegative("distanceIncrementCents", distanceIncrementCents);
        requireNonNegative("timeIncrementCents", timeIncrementCents);
        requireNonNegative("firstExtraPassengerCents", firstExtraPassengerCents);
        requireNonNegative("furtherExtraPassengerCents", furtherExtraPassengerCents);
        if (!(distanceIncrementMetres > 0)) {
            throw new IllegalArgumentException(
                    "distanceIncrementMetres must be > 0, but was " + distanceIncrementMetres);
        }
        if (timeIncrementSeconds <= 0) {
            throw new IllegalArgumentException("timeIncrementSeconds must be > 0, but was " + timeIncrementSeconds);
        }
        surcharges = List.copyOf(surcharges);
    }

    /**
     * The metered fare in cents for a trip that covers {@code chargedDistanceMetres} above the crossover speed and
     * spends {@code slowSeconds} below it (see the class comment for the rounding).
     *
     * @throws IllegalArgumentException if an argument is negative or not finite
     */
    public long meterCents(double chargedDistanceMetres, double slowSeconds) {
        if (!(chargedDistanceMetres >= 0) || Double.isInfinite(chargedDistanceMetres)) {
            throw new IllegalArgumentException(
                    "chargedDistanceMetres must be >= 0 and finite, but was " + chargedDistanceMetres);
        }
        if (!(slowSeconds >= 0) || Double.isInfinite(slowSeconds)) {
            throw new IllegalArgumentException("slowSeconds must be >= 0 and finite, but was " + slowSeconds);
        }
        long distanceSteps = (long) Math.floor(chargedDistanceMetres / distanceIncrementMetres);
        long timeSteps = (long) Math.floor(slowSeconds / timeIncrementSeconds);
        return initialChargeCents
                + Math.multiplyExact(distanceSteps, distanceIncrementCents)
                + Math.multiplyExact(timeSteps, timeIncrementCents);
    }

    /** Sum of the surcharges that apply at the pickup's local time, cents. */
    public long surchargesCents(LocalDateTime localPickup) {
        return surcharges.stream()
                .filter(s -> s.appliesAt(localPickup))
                .mapToLong(Surcharge::cents)
                .sum();
    }

    /**
     * Extra-passenger charges for {@code passengers} riders in one cab, cents: none for 1, the first-extra charge for
     * 2, plus the further charge for each rider beyond 2.
     */
    public long extraPassengerCents(int passengers) {
        if (passengers < 1) {
            throw new IllegalArgumentException("passengers must be >= 1, but was " + passengers);
        }
        if (passengers == 1) {
            return 0;
        }
        return firstExtraPassengerCents + (passengers - 2L) * furtherExtraPassengerCents;
    }

    /**
     * The speed, metres per second, at which distance and time increments accrue money equally fast (NYC: 1/5 mile per
     * 60 s = 12 mph). Above it the meter charges distance, below it time.
     */
    public double crossoverSpeedMps() {
        return (distanceIncrementMetres / distanceIncrementCents)
                / ((double) timeIncrementSeconds / timeIncrementCents);
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, but was " + value);
        }
    }
}
