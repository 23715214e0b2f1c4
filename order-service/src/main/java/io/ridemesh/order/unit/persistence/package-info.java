/** Units' homes in the replicated unit_home table. */
@NullMarked
package io.ridemesh.order.unit.persistence;

import org.jspecify.annotations.NullMarked;
