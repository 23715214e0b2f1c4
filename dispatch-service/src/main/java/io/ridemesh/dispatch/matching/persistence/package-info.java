/** Redis adapter of the per-unit dispatch queues. */
@NullMarked
package io.ridemesh.dispatch.matching.persistence;

import org.jspecify.annotations.NullMarked;
