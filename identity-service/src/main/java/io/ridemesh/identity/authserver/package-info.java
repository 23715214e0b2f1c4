/**
 * The region's OAuth 2.1 / OpenID Connect authorization server (Spring Authorization Server): its clients, signing
 * keys and the claims it puts into tokens.
 */
@NullMarked
package io.ridemesh.identity.authserver;

import org.jspecify.annotations.NullMarked;
