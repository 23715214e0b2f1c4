/** Cross-cutting HTTP concerns: security, the central RFC 9457 problem handler, request body limits. */
@NullMarked
package io.ridemesh.order.web;

import org.jspecify.annotations.NullMarked;
