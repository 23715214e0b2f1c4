/** Account use cases: sign-up and deletion. */
@NullMarked
package io.ridemesh.identity.account.application;

import org.jspecify.annotations.NullMarked;
