package io.ridemesh.identity.web;

import io.ridemesh.identity.account.domain.LoginTaken;
import io.ridemesh.kit.problem.ProblemType;
import io.ridemesh.kit.problem.Problems;
import io.ridemesh.kit.problem.servlet.ServletProblemHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * identity-service's own problem answers (RFC 9457, the kit's shape): 409 {@code login-taken} on {@code login}, 404
 * {@code account-not-found}, 429 {@code too-many-attempts}. Bad or unreadable input, 403 and anything unexpected are the kit's. Thread-safe.
 */
@RestControllerAdvice
class ProblemHandler extends ServletProblemHandler {

    static final ProblemType LOGIN_TAKEN = ProblemType.of("login-taken", HttpStatus.CONFLICT, "Login taken");

    static final ProblemType ACCOUNT_NOT_FOUND =
            ProblemType.of("account-not-found", HttpStatus.NOT_FOUND, "Account not found");

    static final ProblemType TOO_MANY_ATTEMPTS =
            ProblemType.of("too-many-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many attempts");

    @ExceptionHandler(AccountResource.TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(AccountResource.TooManyAttempts e, HttpServletRequest request) {
        return answer(Problems.of(TOO_MANY_ATTEMPTS, e.getMessage()), request);
    }

    @ExceptionHandler(LoginTaken.class)
    ResponseEntity<ProblemDetail> loginTaken(LoginTaken e, HttpServletRequest request) {
        return answerField(LOGIN_TAKEN, "login", e.getMessage(), request);
    }

    @ExceptionHandler(AccountResource.AccountNotFound.class)
    ResponseEntity<ProblemDetail> notFound(AccountResource.AccountNotFound e, HttpServletRequest request) {
        return answer(Problems.of(ACCOUNT_NOT_FOUND, e.getMessage()), request);
    }
}
