/** pricing-service: upfront quotes, tariffs per unit, surge per H3 cell. Wiring and configuration live here. */
@NullMarked
package io.ridemesh.pricing;

import org.jspecify.annotations.NullMarked;
