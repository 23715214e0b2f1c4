package io.ridemesh.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A region node: one JVM hosting a region's services, each as its own Spring application context with its own port,
 * properties, security chain, health and metrics (the monolithic mode of Grafana Loki or Temporal's single binary,
 * beside the microservices mode of one process per service). The contexts share only the JVM: its classes, JIT-compiled
 * code, heap and compiler threads. They call each other over HTTP and Kafka exactly as separate processes do.
 *
 * <p>Usage: {@code java -cp region-node.jar io.ridemesh.node.RegionNode ENV_DIR} (the jar's manifest names its libraries in {@code lib/}). {@code ENV_DIR} holds one
 * {@code <service>.env} file (Java properties) per service to host, named by module id ({@code gateway},
 * {@code order-service}, {@code pricing-service}, {@code dispatch-service}, {@code sync-sink}). Each file holds the
 * environment variables that service's own process would get ({@code SERVER_PORT}, {@code SPRING_DATASOURCE_URL},
 * ...); they are bound with Spring's relaxed environment-variable rules, so a service sees the same configuration in
 * both modes. The files may hold secrets: the launcher writes them readable by their owner only.
 *
 * <p>Per context the node also: reads the service's own {@code application.yml} from the service's jar (every service
 * jar has one at the same path, of which a flat classpath would show only the first); keeps only the
 * auto-configurations of the service's own classpath ({@link ServiceClasspathFilter}); keeps Micrometer's static
 * global registry out (five contexts would each add their registry to it); serves static resources only from a service
 * whose jar has them; installs none of the JVM-wide hooks a process of its own installs for itself alone
 * ({@link JvmWideHooks}). Logging is configured once for the JVM ({@code logback.xml} of this module): Spring Boot's
 * logging system is off in the node, so no context re-initialises it.
 *
 * <p>Start: every context at once, each on a thread of its own thread group, so that the threads the context
 * creates are told apart in the log ({@link ServiceLogConverter}). If one fails the node closes the
 * others and exits with status 1. Stop (SIGTERM): contexts close in the reverse of {@link HostedService}'s order, the
 * gateway first and sync-sink last, so nothing is left writing rows that capture no longer publishes.
 */
public final class RegionNode {

    private static final Logger log = LoggerFactory.getLogger(RegionNode.class);

    private final Map<HostedService, ConfigurableApplicationContext> contexts =
            Collections.synchronizedMap(new LinkedHashMap<>());

    private RegionNode() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println(
                    "usage: RegionNode ENV_DIR   (ENV_DIR holds <service>.env files, one per hosted service)");
            System.exit(2);
        }
        // Logging is the JVM's, configured once from this module's logback.xml. With Spring Boot's logging system each
        // context would re-initialise Logback while the others log, and Spring Cloud's listener would suppress all
        // logging until the next initialisation.
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        RegionNode node = new RegionNode();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close, "region-node-shutdown"));
        try {
            node.start(servicesIn(Path.of(args[0])));
        } catch (RuntimeException e) {
            log.error("region node failed to start: {}", e.getMessage(), e);
            node.close();
            System.exit(1);
        }
    }

    /**
     * The services whose env files are in {@code dir}, with their environment, in {@link HostedService} order.
     *
     * @throws IllegalArgumentException when {@code dir} holds no env file or one for an unknown service
     */
    static Map<HostedService, Map<String, String>> servicesIn(Path dir) {
        Map<HostedService, Map<String, String>> services = new java.util.EnumMap<>(HostedService.class);
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".env"))
                    .toList()) {
                String name = file.getFileName().toString();
                services.put(HostedService.of(name.substring(0, name.length() - ".env".length())), read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the services' environment files in " + dir, e);
        }
        if (services.isEmpty()) {
            throw new IllegalArgumentException("no <service>.env file in " + dir + ": nothing to host");
        }
        return services;
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        Map<String, String> env = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> env.put(k, properties.getProperty(k)));
        return env;
    }

    private void start(Map<HostedService, Map<String, String>> services) {
        Instant begin = Instant.now();
        List<CompletableFuture<Void>> started = new ArrayList<>();
        services.forEach((service, env) -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            // the service's own thread group: the threads its context creates join it, and its log lines say whose
            Runnable run = () -> {
                try {
                    contexts.put(service, application(service, env).run());
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            };
            new Thread(ServiceLogConverter.groupFor(service.id()), run, service.id() + "-start").start();
            started.add(done);
        });
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new IllegalStateException(
                    "a service context failed to start: " + e.getCause().getMessage(), e.getCause());
        }
        log.info(
                "region node up: {} in {} ms",
                services.keySet().stream().map(HostedService::id).toList(),
                Duration.between(begin, Instant.now()).toMillis());
    }

    /** The Spring application of one hosted service, configured as described on the class. */
    static SpringApplication application(HostedService service, Map<String, String> env) {
        SpringApplication app = new SpringApplication(service.application());
        app.setWebApplicationType(service.webType());
        app.setBannerMode(Banner.Mode.OFF);
        app.setRegisterShutdownHook(false);
        app.addListeners(new ServiceEnvironment(service, env));
        app.addInitializers(context -> context.addBeanFactoryPostProcessor(new JvmWideHooks()));
        return app;
    }

    /** Closes every started context, the gateway first and sync-sink last. Idempotent. */
    void close() {
        List<HostedService> order = new ArrayList<>(contexts.keySet());
        order.sort(Collections.reverseOrder());
        for (HostedService service : order) {
            ConfigurableApplicationContext context = contexts.remove(service);
            if (context != null) {
                try {
                    context.close();
                } catch (RuntimeException e) {
                    log.warn("closing {} failed: {}", service.id(), e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Puts a service's own configuration into its context's environment before anything reads it (first listener
     * of the environment-prepared event, ahead of the config-data post-processor): its environment variables in
     * place of the node's, and the node's per-context properties above everything.
     */
    static final class ServiceEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        private final HostedService service;
        private final Map<String, String> env;

        ServiceEnvironment(HostedService service, Map<String, String> env) {
            this.service = service;
            this.env = env;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            MutablePropertySources sources = event.getEnvironment().getPropertySources();
            Map<String, Object> merged = new HashMap<>(System.getenv());
            merged.putAll(env);
            String name = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
            SystemEnvironmentPropertySource serviceEnv = new SystemEnvironmentPropertySource(name, merged);
            if (sources.contains(name)) {
                sources.replace(name, serviceEnv);
            } else {
                sources.addLast(serviceEnv);
            }
            sources.addFirst(new MapPropertySource("regionNode", nodeProperties(service)));
        }
    }

    /** sync-sink's Debezium {@code poll.interval.ms} setting. */
    static final String CAPTURE_POLL_INTERVAL = "sync.capture.poll-interval";

    /**
     * sync-sink's capture poll interval in a node: 25 ms instead of its own default of 10 ms. Debezium 3.5's queue
     * busy-waits through the last millisecond of each interval (sync-sink/README.md), about 1/(interval + 1) of a
     * core. In a process of its own that is the price of a 10 ms capture latency floor; in a node it is CPU taken from
     * the region's requests. Under {@code ./platform demo} the engine thread was the node's busiest after the request
     * threads and the JIT: 50 CPU-s in region b's node over the 855 s run ({@code /proc} per thread). 25 ms costs
     * about 4% of a core instead of 9%, for about 8 ms more capture latency on average.
     */
    static final String NODE_CAPTURE_POLL_INTERVAL = "25ms";

    /** The properties the node sets in a service's context, above all of the service's own. */
    static Map<String, Object> nodeProperties(HostedService service) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(ServiceClasspathFilter.SERVICE_PROPERTY, service.id());
        String jar = codeSource(service.application());
        properties.put("spring.config.location", "optional:" + resourceIn(jar, "application.yml"));
        properties.put("management.metrics.use-global-registry", "false");
        if (service == HostedService.SYNC_SINK) {
            properties.put(CAPTURE_POLL_INTERVAL, NODE_CAPTURE_POLL_INTERVAL);
        }
        if (!hasResource(service.application().getClassLoader(), jar, "static/")) {
            properties.put("spring.web.resources.add-mappings", "false");
        }
        return properties;
    }

    /** The URL of the jar (or classes directory) that holds {@code type}, e.g. {@code file:/x/lib/gateway.jar}. */
    static String codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }

    /** The URL of {@code path} inside the jar or directory at {@code location}. */
    static String resourceIn(String location, String path) {
        return location.endsWith("/") ? location + path : "jar:" + location + "!/" + path;
    }

    private static boolean hasResource(ClassLoader classLoader, String location, String path) {
        String wanted = resourceIn(location, path);
        try {
            for (URL url : Collections.list(classLoader.getResources(path))) {
                if (url.toString().equals(wanted)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + " resources", e);
        }
    }
}
