package io.ridemesh.gateway.routing.domain;

/**
 * Told when a unit's request was answered by a region without a server error (a port of the routing feature; the
 * failover feature's RTO tracker implements it to record a drill's first serve). Implementations are thread-safe.
 */
public interface ServedUnits {

    /**
     * @param unitId the unit the request was routed by
     * @param regionId the region that answered
     * @param atMs when, epoch ms
     */
    void served(int unitId, int regionId, long atMs);
}
