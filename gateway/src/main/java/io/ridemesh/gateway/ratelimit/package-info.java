/** Per-user request rate limit: a Redis token bucket keyed by the JWT's role and subject. */
@NullMarked
package io.ridemesh.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
