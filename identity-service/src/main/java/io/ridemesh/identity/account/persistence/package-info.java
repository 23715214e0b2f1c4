/** The {@code account} table: replicated rows written by versioned CAS. */
@NullMarked
package io.ridemesh.identity.account.persistence;

import org.jspecify.annotations.NullMarked;
