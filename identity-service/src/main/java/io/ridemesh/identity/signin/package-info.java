/** Sign-in with a login and password: accounts as users, and its throttling (per account lockout, per address limit). */
@NullMarked
package io.ridemesh.identity.signin;

import org.jspecify.annotations.NullMarked;
