/**
 * identity-service: the region's accounts (riders, drivers, operators; replicated rows) and its OAuth 2.1 / OpenID
 * Connect authorization server (Spring Authorization Server), which signs access tokens with the region's ES256 key
 * and publishes the public keys as a JWK set.
 */
@NullMarked
package io.ridemesh.identity;

import org.jspecify.annotations.NullMarked;
