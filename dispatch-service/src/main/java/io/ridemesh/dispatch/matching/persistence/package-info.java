/**
 * Adapters of the matching feature: the per-unit dispatch queues in Redis, and read-only views of two replicated tables
 * in the region's MariaDB ({@code routing.unit_home}, {@code rides.rides}) used to take over a unit's waiting rides.
 */
@NullMarked
package io.ridemesh.dispatch.matching.persistence;

import org.jspecify.annotations.NullMarked;
