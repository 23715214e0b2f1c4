/** JDBC adapter of the replicated routing table {@code unit_home}. */
@NullMarked
package io.ridemesh.gateway.routing.persistence;

import org.jspecify.annotations.NullMarked;
