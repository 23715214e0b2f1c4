package io.ridemesh.kit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A debug message of the frameworks' logging API (Commons Logging, which Spring and Spring Security log through) is not
 * rendered when debug is off: the kit picks Commons Logging's Log4j API adapter, which checks the level first.
 */
class LazyLoggingTest {

    @Test
    void aDisabledDebugMessageIsNeverRendered() {
        String name = "io.ridemesh.kit.LazyLoggingTest.quiet";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
        Log log = LogFactory.getLog(name);
        assertThat(log.isDebugEnabled()).as("debug is off").isFalse();
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };

        log.debug(message);
        log.trace(message);
        log.info(message);

        assertThat(rendered).as("rendered once, for info only").hasValue(1);
    }
}
