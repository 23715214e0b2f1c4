/**
 * The operator's own listener: the operator API on a port and event loop of its own, so a failover can be driven while
 * app traffic saturates the gateway.
 */
@NullMarked
package io.ridemesh.gateway.ops;

import org.jspecify.annotations.NullMarked;
