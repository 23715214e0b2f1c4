/** JDBC adapters for rides: the versioned CAS of the replicated-row contract. */
@NullMarked
package io.ridemesh.order.ride.persistence;

import org.jspecify.annotations.NullMarked;
