/**
 * Offers with no framework: an offer of one ride to one driver for a limited time, its statuses, and the ports to the
 * offer store ({@link io.ridemesh.dispatch.offer.domain.Offers}) and to order-service
 * ({@link io.ridemesh.dispatch.offer.domain.RideAssignments}).
 */
@NullMarked
package io.ridemesh.dispatch.offer.domain;

import org.jspecify.annotations.NullMarked;
