/**
 * Matching use cases: taking ride requests in ({@link io.ridemesh.dispatch.matching.application.RideRequests}),
 * running one batching window per unit ({@link io.ridemesh.dispatch.matching.application.MatchWindow}), and following
 * rides that end.
 */
@NullMarked
package io.ridemesh.dispatch.matching.application;

import org.jspecify.annotations.NullMarked;
