/** Per-user request rate limit: a token bucket (in memory or in the region's Redis) keyed by the JWT's role and subject. */
@NullMarked
package io.ridemesh.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
