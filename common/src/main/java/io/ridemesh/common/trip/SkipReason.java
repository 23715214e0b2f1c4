package io.ridemesh.common.trip;

/** Why {@link TripReader} left a data row out. Checked in declaration order; a row counts under the first that holds. */
public enum SkipReason {
    /** The row has the wrong number of columns, or a number or time that does not parse. */
    UNPARSEABLE("unparseable"),
    /** A pickup or dropoff coordinate cell is empty (Chicago centroids are sometimes withheld). */
    MISSING_COORDINATES("missing_coordinates"),
    /** A coordinate is exactly 0 (the NYC meters' "no GPS fix" value). */
    ZERO_COORDINATES("zero_coordinates"),
    /** A point lies outside the city's box (see {@link TripReader}) or outside valid latitude/longitude ranges. */
    OUT_OF_AREA("out_of_area"),
    /** The time, duration, distance or fare cell is empty. */
    MISSING_VALUE("missing_value"),
    /** The duration is zero or negative. */
    ZERO_DURATION("zero_duration"),
    /** The distance is zero or negative. */
    ZERO_DISTANCE("zero_distance"),
    /** The fare is negative (a refund or correction row). */
    NEGATIVE_FARE("negative_fare");

    private final String code;

    SkipReason(String code) {
        this.code = code;
    }

    /** The reason as a stable lower-snake-case code, e.g. {@code missing_coordinates}, for reports and JSON. */
    public String code() {
        return code;
    }
}
