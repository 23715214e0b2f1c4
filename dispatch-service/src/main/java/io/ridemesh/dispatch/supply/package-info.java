/** The driver supply feature: where available drivers are, kept in Redis for matching and for pricing's surge. */
@NullMarked
package io.ridemesh.dispatch.supply;

import org.jspecify.annotations.NullMarked;
