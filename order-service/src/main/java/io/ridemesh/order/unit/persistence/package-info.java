/** Units as regional reference data in the units table. */
@NullMarked
package io.ridemesh.order.unit.persistence;

import org.jspecify.annotations.NullMarked;
