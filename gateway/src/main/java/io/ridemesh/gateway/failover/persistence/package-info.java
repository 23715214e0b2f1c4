/** JDBC adapter of the replicated {@code drill} table. */
@NullMarked
package io.ridemesh.gateway.failover.persistence;

import org.jspecify.annotations.NullMarked;
