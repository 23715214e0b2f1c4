/**
 * Pooling rules with no framework: inserting a new rider into an active shared trip
 * ({@link io.ridemesh.dispatch.matching.pooling.domain.PoolingInsertion}) under wait and detour limits
 * ({@link io.ridemesh.dispatch.matching.pooling.domain.PoolingRules}), choosing one trip per POOL ride of a window
 * ({@link io.ridemesh.dispatch.matching.pooling.domain.PoolAssigner}), and the port to the store of active shared trips
 * ({@link io.ridemesh.dispatch.matching.pooling.domain.ActivePools}).
 */
@NullMarked
package io.ridemesh.dispatch.matching.pooling.domain;

import org.jspecify.annotations.NullMarked;
