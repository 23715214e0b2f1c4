/** Use cases of pricing (issuing a quote) and loading the pricing model from its JSON files. */
@NullMarked
package io.ridemesh.pricing.application;

import org.jspecify.annotations.NullMarked;
