/** JWT validation and per-route roles at the edge, and the local token endpoint. */
@NullMarked
package io.ridemesh.gateway.security;

import org.jspecify.annotations.NullMarked;
