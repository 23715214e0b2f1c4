/**
 * Benchmarks run from the executable jar without a Spring context ({@code -Dloader.main}), started by
 * {@code ./platform bench ...}: {@link io.ridemesh.dispatch.bench.MatchingBench}.
 */
@NullMarked
package io.ridemesh.dispatch.bench;

import org.jspecify.annotations.NullMarked;
