/** Kafka adapter: order-service's ride events ({@code events.<region>.ride}) into the matching use cases. */
@NullMarked
package io.ridemesh.dispatch.matching.messaging;

import org.jspecify.annotations.NullMarked;
