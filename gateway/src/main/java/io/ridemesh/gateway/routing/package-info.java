/** Unit routing: the replicated routing table, the routing rules, and the gateway filter that applies them. */
@NullMarked
package io.ridemesh.gateway.routing;

import org.jspecify.annotations.NullMarked;
