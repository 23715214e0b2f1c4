/**
 * One resource-server setup for every service: {@link io.ridemesh.kit.security.Role} (the {@code role} claim's values),
 * {@link io.ridemesh.kit.security.PlatformTokens} (what a valid platform token is: signed by a trusted issuer's key, for the
 * platform's audience, a usable {@code sub}, a known {@code role}, not expired; roles become {@code ROLE_<claim>} authorities), the credentials one service presents to
 * another ({@link io.ridemesh.kit.security.ServiceTokens}), and the stateless JWT chain for servlet
 * services ({@code security.servlet}) and the reactive gateway ({@code security.reactive}).
 */
@NullMarked
package io.ridemesh.kit.security;

import org.jspecify.annotations.NullMarked;
