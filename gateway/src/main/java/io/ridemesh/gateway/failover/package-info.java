/** Failover: evacuate a region, fail back, move a unit; drills and their RTO; the operator API. */
@NullMarked
package io.ridemesh.gateway.failover;

import org.jspecify.annotations.NullMarked;
