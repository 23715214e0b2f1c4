/** The transactional outbox: ride events written in the same local transaction as the ride. */
@NullMarked
package io.ridemesh.order.ride.messaging;

import org.jspecify.annotations.NullMarked;
