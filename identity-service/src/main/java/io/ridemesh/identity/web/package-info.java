/** identity-service over HTTP: the account API, its security chains and its problem answers. */
@NullMarked
package io.ridemesh.identity.web;

import org.jspecify.annotations.NullMarked;
