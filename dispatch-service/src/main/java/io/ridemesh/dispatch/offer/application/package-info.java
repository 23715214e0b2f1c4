/** Offer use cases: a driver accepts or declines, open offers expire, the current offer of a driver. */
@NullMarked
package io.ridemesh.dispatch.offer.application;

import org.jspecify.annotations.NullMarked;
