/**
 * Pooling rules with no framework: inserting a new rider into an active shared trip
 * ({@link io.ridemesh.dispatch.pooling.domain.PoolingInsertion}) under wait and detour limits
 * ({@link io.ridemesh.dispatch.pooling.domain.PoolingRules}).
 */
@NullMarked
package io.ridemesh.dispatch.pooling.domain;

import org.jspecify.annotations.NullMarked;
