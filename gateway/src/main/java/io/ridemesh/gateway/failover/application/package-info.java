/** Failover use cases (evacuate, fail back, move) and the RTO bookkeeping. No framework. */
@NullMarked
package io.ridemesh.gateway.failover.application;

import org.jspecify.annotations.NullMarked;
