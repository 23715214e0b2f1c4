/**
 * Adapters of the matching feature to other services: order-service's ride events ({@code events.<region>.ride}) into
 * the matching use cases, and the takeover's two query APIs (the gateway's unit homes, order-service's waiting rides).
 */
@NullMarked
package io.ridemesh.dispatch.matching.messaging;

import org.jspecify.annotations.NullMarked;
