/**
 * Matching with no framework: ride requests, driver candidates, the pickup ETA model, and the per-window assignment
 * ({@link io.ridemesh.dispatch.matching.domain.Matcher#match}), a pure function usable from a benchmark's main class.
 */
@NullMarked
package io.ridemesh.dispatch.matching.domain;

import org.jspecify.annotations.NullMarked;
