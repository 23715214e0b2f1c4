/**
 * Pooling use cases: finding, for a matching window's POOL rides, an insertion into an active shared trip nearby
 * ({@link io.ridemesh.dispatch.matching.pooling.application.PoolInsertions}), which the window then offers to that trip's
 * driver.
 */
@NullMarked
package io.ridemesh.dispatch.matching.pooling.application;

import org.jspecify.annotations.NullMarked;
