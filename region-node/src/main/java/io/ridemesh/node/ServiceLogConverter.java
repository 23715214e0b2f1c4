package io.ridemesh.node;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logback conversion word {@code %service}: the hosted service whose thread logged the event, or {@code node}.
 *
 * <p>The node starts each service's context on a thread of a {@link ThreadGroup} of its own ({@link #groupFor});
 * threads that context creates (Tomcat's and Netty's workers, Kafka's and Lettuce's I/O threads, executors) are in
 * that group or below it, since a new platform thread joins its creator's group. Virtual threads all belong to one
 * JDK group and show as {@code node}. Logback calls {@link #convert} on the logging thread; thread-safe.
 */
public final class ServiceLogConverter extends ClassicConverter {

    private static final Set<ThreadGroup> SERVICE_GROUPS = ConcurrentHashMap.newKeySet();

    /** A new thread group named {@code service}, whose threads' log lines carry that name. */
    static ThreadGroup groupFor(String service) {
        ThreadGroup group = new ThreadGroup(service);
        SERVICE_GROUPS.add(group);
        return group;
    }

    @Override
    public String convert(ILoggingEvent event) {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (SERVICE_GROUPS.contains(g)) {
                return g.getName();
            }
        }
        return "node";
    }
}
