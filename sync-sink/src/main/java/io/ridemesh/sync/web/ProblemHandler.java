package io.ridemesh.sync.web;

import io.ridemesh.kit.problem.servlet.ServletProblemHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * sync-sink's problem answers: it has no API of its own, so every error (401, 403, 404, 405, 413, anything unexpected)
 * is the kit's RFC 9457 problem body ({@link ServletProblemHandler}). Thread-safe (stateless).
 */
@RestControllerAdvice
class ProblemHandler extends ServletProblemHandler {}
