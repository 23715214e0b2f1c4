/**
 * RFC 9457 problem details, one way for every service: {@link io.ridemesh.kit.problem.ProblemType} (the registry of
 * types, all {@code urn:ridemesh:problem:<slug>}), {@link io.ridemesh.kit.problem.Problems} (bodies, with field errors
 * {@code field} and {@code errors: [{field, detail}]}), {@link io.ridemesh.kit.problem.JsonInputErrors} (which JSON
 * field a body failed on, and why). No servlet or reactive type here.
 */
@NullMarked
package io.ridemesh.kit.problem;

import org.jspecify.annotations.NullMarked;
