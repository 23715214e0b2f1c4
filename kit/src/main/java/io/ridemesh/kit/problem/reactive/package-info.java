/** Problem details for reactive (WebFlux) services: {@link io.ridemesh.kit.problem.reactive.ReactiveProblemWriter}. */
@NullMarked
package io.ridemesh.kit.problem.reactive;

import org.jspecify.annotations.NullMarked;
