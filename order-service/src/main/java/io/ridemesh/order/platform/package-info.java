/** Wiring of the replicated-row machinery: wall clock, hybrid logical clock and global ids. */
@NullMarked
package io.ridemesh.order.platform;

import org.jspecify.annotations.NullMarked;
