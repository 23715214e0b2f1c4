package io.ridemesh.common.trip;

/**
 * The trip file layouts {@link TripReader} understands, told apart by their header line.
 *
 * <p>Columns and meanings are described in {@code shared/data/README.md} for the two public samples.
 */
public enum TripFormat {
    /**
     * NYC TLC yellow-cab trips in the ACM DEBS 2015 Grand Challenge layout ({@code medallion,hack_license,
     * pickup_datetime,...,total_amount}); times are America/New_York wall-clock time, distances miles, money USD. A
     * file without the header line (as the challenge shipped it) is recognised by its 17 columns.
     */
    NYC_DEBS2015,
    /**
     * City of Chicago "Taxi Trips" as sampled by TensorFlow TFX ({@code pickup_community_area,fare,...,tips});
     * {@code trip_start_timestamp} is epoch seconds that encode Chicago wall-clock time as if it were UTC.
     */
    CHICAGO_TFX,
    /**
     * This project's canonical layout, written by {@link TripWriter}: {@value TripWriter#CANONICAL_HEADER}. Times are
     * ISO-8601 UTC instants, distances metres, money integer cents.
     */
    CANONICAL
}
