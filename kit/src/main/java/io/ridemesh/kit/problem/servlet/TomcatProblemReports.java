package io.ridemesh.kit.problem.servlet;

import io.ridemesh.kit.problem.FrameworkProblems;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.TomcatContextCustomizer;

/**
 * Makes Tomcat's own error answers problem bodies. Tomcat refuses some requests before any servlet sees them (a
 * malformed request line, {@code %2F}, {@code %5C} or {@code %00} in the path, a request line or headers over the
 * limits) and renders them with its host's {@link ErrorReportValve} as an HTML page; this customizer swaps that valve
 * for {@link ProblemValve}, which writes the same status as {@code application/problem+json}. Applied per embedded
 * Tomcat (each service context of a region node has its own). Thread-safe.
 */
public final class TomcatProblemReports implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        // The host adds its error report valve when it starts, before it starts its contexts.
        context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                swapValve(context.getParent());
            }
        });
    }

    private static void swapValve(Container host) {
        if (host == null) {
            return;
        }
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemValve());
        }
    }

    /**
     * Tomcat's error report as a problem body: same conditions as {@link ErrorReportValve#report} (an error status,
     * nothing written yet, not reported before, I/O still possible), then the kit's problem for the status.
     */
    static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String path = FrameworkProblems.usablePath(request.getDecodedRequestURI());
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(FrameworkProblems.json(status, path));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response closed: nothing more to say
            }
        }
    }
}
