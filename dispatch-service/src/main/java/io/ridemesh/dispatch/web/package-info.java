/**
 * HTTP concerns shared by the features' controllers: security (JWT roles), the central RFC 9457 problem handler, and
 * the caller's identity.
 */
@NullMarked
package io.ridemesh.dispatch.web;

import org.jspecify.annotations.NullMarked;
