/** Use cases over rides: who may do what, transactions, idempotent creation. */
@NullMarked
package io.ridemesh.order.ride.application;

import org.jspecify.annotations.NullMarked;
