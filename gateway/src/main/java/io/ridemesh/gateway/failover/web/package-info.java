/** The operator API under {@code /ops/**} (role operator): regions, units, drills, evacuate, fail back, move. */
@NullMarked
package io.ridemesh.gateway.failover.web;

import org.jspecify.annotations.NullMarked;
