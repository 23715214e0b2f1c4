/** Adapters of the pricing ports: JDBC quotes (regional table), Redis driver supply, in-memory demand window. */
@NullMarked
package io.ridemesh.pricing.persistence;

import org.jspecify.annotations.NullMarked;
