/**
 * Redis adapter of the pooling feature: {@link io.ridemesh.dispatch.matching.pooling.persistence.RedisActivePools}, the active
 * shared trips and their vehicles' GEO index, changed by Lua scripts together with the driver and offer keys.
 */
@NullMarked
package io.ridemesh.dispatch.matching.pooling.persistence;

import org.jspecify.annotations.NullMarked;
