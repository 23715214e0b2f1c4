package io.ridemesh.dispatch.offer.domain;

import java.time.Duration;

/**
 * The driver locks held now.
 *
 * @param holders how many drivers hold one
 * @param oldestAge age of the oldest lock ({@link Duration#ZERO} if none)
 */
public record LockStats(long holders, Duration oldestAge) {}
