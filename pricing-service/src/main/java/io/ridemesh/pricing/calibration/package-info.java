/** Fitting the trip estimator to real trips, and the command that writes {@code pricing-calibration.json}. */
@NullMarked
package io.ridemesh.pricing.calibration;

import org.jspecify.annotations.NullMarked;
