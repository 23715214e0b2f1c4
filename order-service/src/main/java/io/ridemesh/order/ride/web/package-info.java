/** REST resources for riders, drivers and dispatch-service. */
@NullMarked
package io.ridemesh.order.ride.web;

import org.jspecify.annotations.NullMarked;
