/** The unit feature; its configuration wires the unit directory. */
@NullMarked
package io.ridemesh.order.unit;

import org.jspecify.annotations.NullMarked;
