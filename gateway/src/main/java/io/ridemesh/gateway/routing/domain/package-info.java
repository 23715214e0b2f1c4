/**
 * Unit routing rules: which unit a request belongs to (its pickup or location point, the unit bits of a ride or offer
 * id, or the {@code X-Unit} header) and which region is that unit's home. No framework.
 */
@NullMarked
package io.ridemesh.gateway.routing.domain;

import org.jspecify.annotations.NullMarked;
