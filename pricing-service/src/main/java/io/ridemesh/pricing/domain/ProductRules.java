package io.ridemesh.pricing.domain;

/**
 * Product policy (not regulated tariff): how many seats each product allows and what a POOL seat pays. Immutable;
 * thread-safe.
 *
 * @param soloMaxSeats most passengers in a SOLO booking, {@code >= 1} (a standard NYC yellow cab takes 4; TLC rule
 *     54-15(g) allows a 5th only as a child on a lap)
 * @param poolMaxSeats most seats one rider books on a POOL ride, {@code >= 1}
 * @param poolSeatPercent what one POOL seat pays, as a percentage of the SOLO metered fare, in (0, 100]
 */
public record ProductRules(int soloMaxSeats, int poolMaxSeats, int poolSeatPercent) {

    public ProductRules {
        if (soloMaxSeats < 1) {
            throw new IllegalArgumentException("soloMaxSeats must be >= 1, but was " + soloMaxSeats);
        }
        if (poolMaxSeats < 1) {
            throw new IllegalArgumentException("poolMaxSeats must be >= 1, but was " + poolMaxSeats);
        }
        if (poolSeatPercent <= 0 || poolSeatPercent > 100) {
            throw new IllegalArgumentException("poolSeatPercent must be within (0, 100], but was " + poolSeatPercent);
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
