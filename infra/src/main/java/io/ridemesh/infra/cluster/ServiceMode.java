package io.ridemesh.infra.cluster;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a playground runs a region's services. Behaviour is the same in both: the services call each other over HTTP
 * and Kafka, each on its own port with its own configuration, health and metrics.
 */
public enum ServiceMode {
    /**
     * One JVM per region (module {@code region-node}) hosting every service of the region, each as its own Spring
     * application context: one set of JIT-compiled framework code, one heap and one set of compiler threads per region.
     */
    REGION_NODE,
    /** One JVM per service, started from the service's executable jar, as in docker-compose.yml. */
    MICROSERVICES;

    /** The mode's name on the command line and in {@code cluster.properties}, e.g. {@code region-node}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The mode named {@code id}.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code id} is none of them
     */
    public static ServiceMode of(String id) {
        return Arrays.stream(values())
                .filter(m -> m.id().equals(id.trim().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--mode must be one of "
                        + Arrays.stream(values()).map(ServiceMode::id).collect(Collectors.joining(", "))
                        + ", but was '" + id + "'"));
    }
}
