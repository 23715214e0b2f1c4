/** The matching feature: ride requests in, batched optimal assignment per unit and window, offers out. */
@NullMarked
package io.ridemesh.dispatch.matching;

import org.jspecify.annotations.NullMarked;
