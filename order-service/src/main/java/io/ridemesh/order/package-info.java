/** order-service: the ride lifecycle of one region, written as versioned rows plus a transactional outbox. */
@NullMarked
package io.ridemesh.order;

import org.jspecify.annotations.NullMarked;
