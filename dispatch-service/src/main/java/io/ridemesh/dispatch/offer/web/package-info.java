/** The driver app's offer API: the current offer, accept, decline. */
@NullMarked
package io.ridemesh.dispatch.offer.web;

import org.jspecify.annotations.NullMarked;
