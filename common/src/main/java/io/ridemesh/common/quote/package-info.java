/**
 * The signed quote token: pricing-service signs {@link io.ridemesh.common.quote.QuoteClaims}, order-service verifies
 * them offline with the same key.
 */
@NullMarked
package io.ridemesh.common.quote;

import org.jspecify.annotations.NullMarked;
