/** Failover drills (evacuate, fail back, move) and their recovery time. No framework. */
@NullMarked
package io.ridemesh.gateway.failover.domain;

import org.jspecify.annotations.NullMarked;
