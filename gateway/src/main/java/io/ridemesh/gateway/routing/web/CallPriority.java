package io.ridemesh.gateway.routing.web;

/**
 * How a forwarded call fares when its (service, region) bulkhead is full ({@link DownstreamCalls}): a route's third
 * {@code UnitRouting} argument, {@code SHEDDABLE} when absent.
 */
public enum CallPriority {
    /**
     * It carries on work the platform already accepted (a ride request with its quote, a driver's answer to an offer,
     * a ride's next step): it may take a place of the reserve.
     */
    CRITICAL,
    /** New work or a read (a quote, going online, a location fix, a list): shed when the bulkhead is full. */
    SHEDDABLE
}
