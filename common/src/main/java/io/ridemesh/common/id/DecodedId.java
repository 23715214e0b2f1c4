package io.ridemesh.common.id;

import java.time.Instant;
import java.util.Objects;

/**
 * The fields of a global id, as returned by {@link GlobalIdGenerator#decode(long)}.
 *
 * @param id the id itself, {@code >= 0}
 * @param timestamp the millisecond the id was issued for (may be slightly ahead of the wall clock, see
 *     {@link GlobalIdGenerator})
 * @param regionId 0..15
 * @param unitId 0..63, 0 = no unit
 * @param nodeId 0..7
 * @param sequence 0..511
 */
public record DecodedId(long id, Instant timestamp, int regionId, int unitId, int nodeId, int sequence) {

    public DecodedId {
        if (id < 0) {
            throw new IllegalArgumentException("id must be >= 0, but was " + id);
        }
        Objects.requireNonNull(timestamp, "timestamp");
        GlobalIdGenerator.requireInRange("regionId", regionId, GlobalIdGenerator.MAX_REGION_ID);
        GlobalIdGenerator.requireInRange("unitId", unitId, GlobalIdGenerator.MAX_UNIT_ID);
        GlobalIdGenerator.requireInRange("nodeId", nodeId, GlobalIdGenerator.MAX_NODE_ID);
        GlobalIdGenerator.requireInRange("sequence", sequence, GlobalIdGenerator.MAX_SEQUENCE);
    }
}
