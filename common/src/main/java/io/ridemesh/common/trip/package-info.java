/**
 * Real taxi trips (NYC TLC via DEBS 2015, City of Chicago via TFX, or this project's canonical CSV) read as one
 * {@link io.ridemesh.common.trip.Trip} type, for calibration, accuracy reports and replay.
 */
@NullMarked
package io.ridemesh.common.trip;

import org.jspecify.annotations.NullMarked;
