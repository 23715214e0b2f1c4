/** Adapter of the matching feature: the per-unit dispatch queues in Redis. */
@NullMarked
package io.ridemesh.dispatch.matching.persistence;

import org.jspecify.annotations.NullMarked;
