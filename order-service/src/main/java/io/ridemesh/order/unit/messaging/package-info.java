/** Units' homes from the region's gateway (its query API, not its schema). */
@NullMarked
package io.ridemesh.order.unit.messaging;

import org.jspecify.annotations.NullMarked;
