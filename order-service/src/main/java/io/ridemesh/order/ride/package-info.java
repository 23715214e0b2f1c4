/** The ride feature; its configuration wires the domain objects explicitly. */
@NullMarked
package io.ridemesh.order.ride;

import org.jspecify.annotations.NullMarked;
