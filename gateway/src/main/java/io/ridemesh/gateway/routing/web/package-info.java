/**
 * The Spring Cloud Gateway side of unit routing: the {@code UnitRouting} route filter that reads the routing key, picks
 * the home region's service and forwards through a per (service, region) circuit breaker.
 */
@NullMarked
package io.ridemesh.gateway.routing.web;

import org.jspecify.annotations.NullMarked;
