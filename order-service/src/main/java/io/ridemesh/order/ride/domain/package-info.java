/** The ride aggregate and its lifecycle, free of any framework. */
@NullMarked
package io.ridemesh.order.ride.domain;

import org.jspecify.annotations.NullMarked;
