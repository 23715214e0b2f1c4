/** Wiring of the shared machinery: wall clock, hybrid logical clock, global ids, the region directory. */
@NullMarked
package io.ridemesh.gateway.platform;

import org.jspecify.annotations.NullMarked;
