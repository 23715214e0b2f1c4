/**
 * Accounts' rules: what an account is, what a password must be, and the port accounts are kept behind. A login is one
 * row in every region (its primary key); two regions that sign up the same login at once write the same row, and the
 * merge key {@code (claim, hlc, origin_region)} keeps the earlier sign-up ({@link
 * io.ridemesh.identity.account.domain.Account#claim()}).
 */
@NullMarked
package io.ridemesh.identity.account.domain;

import org.jspecify.annotations.NullMarked;
