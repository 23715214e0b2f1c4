package io.ridemesh.kit.problem.servlet;

import io.ridemesh.kit.problem.FrameworkProblems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem body, in place of Boot's default JSON: reached when
 * something answered with {@code sendError} and no handler wrote a body (Spring Security's firewall refusing an encoded
 * {@code ..} or a {@code ;}, an unknown method, TRACE). Every method, any {@code Accept}: the body is
 * {@code application/problem+json} whatever the client asked for. Thread-safe (stateless).
 */
@RestController
public class ProblemErrorController implements ErrorController {

    /** The problem for the status the container is reporting (500 when it set none). */
    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<String> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 && i <= 599 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = FrameworkProblems.usablePath(uri instanceof String s ? s : null);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(FrameworkProblems.json(status, path));
    }
}
