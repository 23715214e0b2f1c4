package io.ridemesh.dispatch.matching.pooling.domain;

import io.ridemesh.common.geo.GeoPoint;
import java.util.Objects;

/** A stop of a shared trip. Closed set: a rider boards or alights. */
public sealed interface Stop {

    PoolRider rider();

    GeoPoint point();

    /** @param rider who boards, at the rider's pickup */
    record Pickup(PoolRider rider) implements Stop {
        public Pickup {
            Objects.requireNonNull(rider, "rider");
        }

        @Override
        public GeoPoint point() {
            return rider.pickup();
        }
    }

    /** @param rider who alights, at the rider's dropoff */
    record Dropoff(PoolRider rider) implements Stop {
        public Dropoff {
            Objects.requireNonNull(rider, "rider");
        }

        @Override
        public GeoPoint point() {
            return rider.dropoff();
        }
    }
}
