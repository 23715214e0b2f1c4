/** The per-region gateway: routes each request to the home region of its unit; security; failover console. */
@NullMarked
package io.ridemesh.gateway;

import org.jspecify.annotations.NullMarked;
