/** identity-service's wiring and configuration. */
@NullMarked
package io.ridemesh.identity.platform;

import org.jspecify.annotations.NullMarked;
