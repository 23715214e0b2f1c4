package io.ridemesh.identity.account.domain;

import io.ridemesh.kit.security.Role;

/**
 * One account as stored: a replicated row (ARCHITECTURE.md section 2) keyed by its login.
 *
 * @param login the normalized login (lower-case e-mail address), the row's primary key
 * @param subject the {@code sub} of every token issued to the account: a rider's global id, a driver's driver id
 * @param role rider, driver or operator
 * @param passwordHash the password in Spring Security's delegating format ({@code {bcrypt}...}); empty once deleted
 * @param createdAtMs when the account was signed up, epoch ms
 * @param claim the sign-up's precedence in the merge key {@code (claim, hlc, origin_region)}: {@code Long.MAX_VALUE}
 *     minus the sign-up's HLC, so that of two sign-ups of one login in two regions the earlier one wins everywhere,
 *     and later changes of an account (same claim) win by HLC
 * @param version the row's version (CAS)
 * @param hlc the HLC of the last write
 * @param originRegion the region of the last write
 * @param deleted whether the account was deleted (a tombstone)
 */
public record Account(
        String login,
        String subject,
        Role role,
        String passwordHash,
        long createdAtMs,
        long claim,
        long version,
        long hlc,
        int originRegion,
        boolean deleted) {}
