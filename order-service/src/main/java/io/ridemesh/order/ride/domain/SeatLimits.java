package io.ridemesh.order.ride.domain;

/**
 * How many seats one rider may book per product. Immutable; thread-safe.
 *
 * @param soloMaxSeats most seats of a SOLO booking, {@code >= 1}
 * @param poolMaxSeats most seats of a POOL booking, {@code >= 1}
 * @throws IllegalArgumentException if a limit is below 1
 */
public record SeatLimits(int soloMaxSeats, int poolMaxSeats) {

    public SeatLimits {
        if (soloMaxSeats < 1) {
            throw new IllegalArgumentException("soloMaxSeats must be >= 1, but was " + soloMaxSeats);
        }
        if (poolMaxSeats < 1) {
            throw new IllegalArgumentException("poolMaxSeats must be >= 1, but was " + poolMaxSeats);
        }
    }

    /** Most seats {@code product} allows. */
    public int maxSeats(Product product) {
        return switch (product) {
            case SOLO -> soloMaxSeats;
            case POOL -> poolMaxSeats;
        };
    }
}
