/**
 * The ride events' contract (topic {@code events.<region>.ride}): {@link io.ridemesh.contract.ride.RideMessage} (typed
 * records, past tense) and {@link io.ridemesh.contract.ride.RideMessageCodec} (their JSON and its version rule).
 * order-service produces them through its outbox, dispatch-service consumes them.
 */
@NullMarked
package io.ridemesh.contract.ride;

import org.jspecify.annotations.NullMarked;
