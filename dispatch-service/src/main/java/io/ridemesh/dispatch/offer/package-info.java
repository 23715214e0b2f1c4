/** The offer feature: an offer per matched pair, the driver lock, accept and decline, expiry and re-dispatch. */
@NullMarked
package io.ridemesh.dispatch.offer;

import org.jspecify.annotations.NullMarked;
