/**
 * The driver supply, with no framework: driver ids and statuses, location fixes, and the port
 * {@link io.ridemesh.dispatch.supply.domain.DriverSupply} over the region's index of available drivers.
 */
@NullMarked
package io.ridemesh.dispatch.supply.domain;

import org.jspecify.annotations.NullMarked;
