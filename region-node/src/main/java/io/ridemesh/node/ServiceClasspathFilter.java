package io.ridemesh.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives each service context of a region node the auto-configurations it would have as a process of its own.
 *
 * <p>The node's classpath is the union of every hosted service's: without this filter the gateway's context would
 * configure Spring MVC, Kafka and springdoc, and order-service's Spring Cloud Gateway. A service jar lists the jars
 * of its own runtime classpath ({@code META-INF/ridemesh/classpath/<service>.txt}, written by the build); an
 * auto-configuration class is kept when the jar it comes from is on that list, or when it does not come from a jar
 * (a directory of classes). Outside a region node ({@value #SERVICE_PROPERTY} unset) every candidate is kept.
 *
 * <p>Registered in {@code META-INF/spring.factories}; Spring Boot makes one per context and calls the {@code Aware}
 * methods before {@link #match}. Not thread-safe; used by one context's import selector.
 */
public final class ServiceClasspathFilter
        implements AutoConfigurationImportFilter, EnvironmentAware, BeanClassLoaderAware {

    /** Set by the node in each service context: the hosted service's module id, e.g. {@code order-service}. */
    public static final String SERVICE_PROPERTY = "ridemesh.node.service";

    private @Nullable String service;
    private ClassLoader classLoader = ServiceClasspathFilter.class.getClassLoader();

    @Override
    public void setEnvironment(Environment environment) {
        this.service = environment.getProperty(SERVICE_PROPERTY);
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public boolean[] match(@Nullable String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        if (service == null) {
            Arrays.fill(matches, true);
            return matches;
        }
        Set<String> jars = jarsOf(service, classLoader);
        for (int i = 0; i < matches.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = candidate == null || kept(jarOf(candidate, classLoader), jars);
        }
        return matches;
    }

    /** True when {@code jar} (a file name, or null for a class outside any jar) is on the service's list. */
    static boolean kept(@Nullable String jar, Set<String> serviceJars) {
        return jar == null || serviceJars.contains(jar);
    }

    /**
     * The file names of the jars on {@code service}'s own runtime classpath.
     *
     * @throws IllegalStateException when the service's jar carries no list (built without it)
     */
    static Set<String> jarsOf(String service, ClassLoader classLoader) {
        String resource = "META-INF/ridemesh/classpath/" + service + ".txt";
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath: the region node cannot tell "
                        + service + "'s auto-configurations from the other services'; rebuild " + service);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** File names from a build-classpath list: entries separated by commas or line breaks, any directory prefix. */
    static Set<String> parse(String list) {
        return Arrays.stream(list.split("[,\\r\\n]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(ServiceClasspathFilter::fileName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The file name of the jar that holds class {@code className}, or null when it is not in a jar or absent. */
    static @Nullable String jarOf(String className, ClassLoader classLoader) {
        URL url = classLoader.getResource(className.replace('.', '/') + ".class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            return null;
        }
        String path = url.getPath();
        int bang = path.indexOf("!/");
        return fileName(bang < 0 ? path : path.substring(0, bang));
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
