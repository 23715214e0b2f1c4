/** Scoring the quoted no-surge fare and the duration estimate against real trips. */
@NullMarked
package io.ridemesh.pricing.accuracy;

import org.jspecify.annotations.NullMarked;
