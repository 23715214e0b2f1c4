package io.ridemesh.pricing.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A fixed amount a tariff adds to the metered fare, judged at the pickup's local time. It is neither surged nor
 * discounted. Closed set: {@link Always} (e.g. NYC's MTA state tax) and {@link Daily} (a clock window, e.g. NYC's
 * night surcharge 20:00-06:00). Immutable; thread-safe.
 */
public sealed interface Surcharge {

    /** A short name, e.g. {@code night}. */
    String name();

    /** Amount in cents, {@code >= 0}. */
    long cents();

    /** Whether the surcharge applies to a trip picked up at {@code localPickup} (unit-local wall-clock time). */
    boolean appliesAt(LocalDateTime localPickup);

    /** Added to every trip. */
    record Always(String name, long cents) implements Surcharge {
        public Always {
            Objects.requireNonNull(name, "name");
            requireCents(name, cents);
        }

        @Override
        public boolean appliesAt(LocalDateTime localPickup) {
            return true;
        }
    }

    /**
     * Added when the pickup's local time lies in {@code [from, until)} on one of {@code days}; a window with
     * {@code until <= from} wraps past midnight (20:00-06:00 covers 23:00 and 05:59), and the day tested is the
     * pickup's own date.
     */
    record Daily(String name, long cents, LocalTime from, LocalTime until, Set<DayOfWeek> days) implements Surcharge {
        public Daily {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            requireCents(name, cents);
            if (days.isEmpty()) {
                throw new IllegalArgumentException("days of surcharge '" + name + "' must not be empty");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
        }

        @Override
        public boolean appliesAt(LocalDateTime localPickup) {
            if (!days.contains(localPickup.getDayOfWeek())) {
                return false;
            }
            LocalTime t = localPickup.toLocalTime();
            return from.isBefore(until)
                    ? !t.isBefore(from) && t.isBefore(until)
                    : !t.isBefore(from) || t.isBefore(until);
        }
    }

    private static void requireCents(String name, long cents) {
        if (cents < 0) {
            throw new IllegalArgumentException("cents of surcharge '" + name + "' must be >= 0, but was " + cents);
        }
    }
}
