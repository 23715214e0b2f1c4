package io.ridemesh.infra.cluster;

/**
 * One row of {@code ./platform status}: a stable interface for scripts and tests.
 *
 * @param region region name ({@code a}, {@code b}, ...) or {@code "-"} for the shared broker
 * @param kind {@link ComponentKind#id()}
 * @param port TCP port on 127.0.0.1
 * @param pid process id, or -1 when not running
 * @param healthy true when the process is alive and answers its health probe
 * @param detail a short human-readable reason when unhealthy, else empty
 */
public record ComponentStatus(String region, String kind, int port, long pid, boolean healthy, String detail) {}
