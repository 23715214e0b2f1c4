package io.ridemesh.gateway.routing.web;

/** Where a route finds its routing key. The names are used in the route definitions ({@code application.yml}). */
public enum KeySource {
    /** Body {@code pickup: {lat, lon}} (quotes, ride requests). */
    PICKUP,
    /** Body {@code {lat, lon}} (driver online, single location). */
    LOCATION,
    /** Body {@code points: [{lat, lon}, ...]}: the last point (location batches). */
    LAST_POINT,
    /** Path variable {@code id}: a ride id. */
    RIDE_ID,
    /** Path variable {@code id}: a dispatch offer id. */
    OFFER_ID,
    /** Header {@code X-Unit}: unit id or code, for driver calls without coordinates. */
    UNIT_HEADER,
    /** No unit: the local region. */
    LOCAL
}
