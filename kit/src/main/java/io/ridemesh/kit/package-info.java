/**
 * The service kit: what every ridemesh service shares and no business logic. {@link io.ridemesh.kit.problem}: RFC 9457
 * problem details with one type registry and one field-error shape, for servlet services ({@code problem.servlet})
 * and the reactive gateway ({@code problem.reactive}).
 */
@NullMarked
package io.ridemesh.kit;

import org.jspecify.annotations.NullMarked;
