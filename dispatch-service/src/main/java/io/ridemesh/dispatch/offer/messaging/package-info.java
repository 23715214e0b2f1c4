/** HTTP adapter to order-service's internal ride API, with a service JWT and Resilience4j protection. */
@NullMarked
package io.ridemesh.dispatch.offer.messaging;

import org.jspecify.annotations.NullMarked;
