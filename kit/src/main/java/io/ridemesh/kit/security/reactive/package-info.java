/** The stateless JWT resource-server chain of a reactive service: {@link io.ridemesh.kit.security.reactive.ReactiveResourceServer}. */
@NullMarked
package io.ridemesh.kit.security.reactive;

import org.jspecify.annotations.NullMarked;
