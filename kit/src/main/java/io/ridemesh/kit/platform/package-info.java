/**
 * The wiring every service shares around the replicated-row machinery (ARCHITECTURE.md sections 3 and 4): the wall
 * clock, the hybrid logical clock and the global id generator with their durable high-water marks ({@link
 * io.ridemesh.kit.platform.ServiceClocks}).
 */
@NullMarked
package io.ridemesh.kit.platform;

import org.jspecify.annotations.NullMarked;
