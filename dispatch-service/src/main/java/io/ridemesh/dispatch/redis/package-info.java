/**
 * The Redis key layout shared by the features' adapters, and the Lua scripts that change several keys atomically. The
 * layout is documented in dispatch-service/README.md ("Redis keys").
 */
@NullMarked
package io.ridemesh.dispatch.redis;

import org.jspecify.annotations.NullMarked;
