package io.ridemesh.kit.problem.servlet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Problem bodies for the refusals a servlet service's framework answers itself: Boot's {@code /error} page replaced by
 * {@link ProblemErrorController} (Boot's own backs off when an {@code ErrorController} bean exists) and Tomcat's HTML
 * error report by {@link TomcatProblemReports}. Imported by the kit's {@code ServletServiceSecurity}, so every servlet
 * service has it.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorController.class)
public class ServletProblemPages {

    @Bean
    TomcatProblemReports tomcatProblemReports() {
        return new TomcatProblemReports();
    }
}
