/** HTTP API of pricing: {@code POST /v1/quotes}, {@code GET /v1/quotes/{id}}, and RFC 9457 problem bodies. */
@NullMarked
package io.ridemesh.pricing.web;

import org.jspecify.annotations.NullMarked;
