/**
 * Problem details for servlet (Spring MVC) services: {@link io.ridemesh.kit.problem.servlet.ServletProblemHandler}, the
 * base of each service's {@code @RestControllerAdvice}, and {@link
 * io.ridemesh.kit.problem.servlet.SecurityProblemHandler} for services behind Spring Security.
 */
@NullMarked
package io.ridemesh.kit.problem.servlet;

import org.jspecify.annotations.NullMarked;
