/**
 * Pricing rules with no framework: service units, tariffs, the calibrated trip estimator, surge per H3 cell and the
 * quote itself, behind ports ({@link io.ridemesh.pricing.domain.Quotes}, {@link io.ridemesh.pricing.domain.SupplyCounts},
 * {@link io.ridemesh.pricing.domain.DemandWindow}).
 */
@NullMarked
package io.ridemesh.pricing.domain;

import org.jspecify.annotations.NullMarked;
