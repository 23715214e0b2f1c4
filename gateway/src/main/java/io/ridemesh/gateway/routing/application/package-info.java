/** Keeps the current routing table snapshot, reloaded from the replicated table. No framework. */
@NullMarked
package io.ridemesh.gateway.routing.application;

import org.jspecify.annotations.NullMarked;
