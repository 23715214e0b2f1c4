/**
 * dispatch-service: the driver supply index, batched matching of ride requests to drivers, offers, and pooling rules.
 * Wiring ({@code *Configuration}) and settings ({@link io.ridemesh.dispatch.DispatchProperties}) live here.
 */
@NullMarked
package io.ridemesh.dispatch;

import org.jspecify.annotations.NullMarked;
