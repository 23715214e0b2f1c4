/** Redis adapter of the offers: offer hashes, deadlines, and the driver and ride locks. */
@NullMarked
package io.ridemesh.dispatch.offer.persistence;

import org.jspecify.annotations.NullMarked;
