/** Redis adapter of the driver supply: the GEO index, driver state hashes and the per-cell counts pricing reads. */
@NullMarked
package io.ridemesh.dispatch.supply.persistence;

import org.jspecify.annotations.NullMarked;
