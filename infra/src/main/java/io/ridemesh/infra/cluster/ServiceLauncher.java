package io.ridemesh.infra.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Builds the command line and environment of a service process, or of a region node hosting every service of a
 * region. Configuration reaches services through environment variables (Spring relaxed binding), or in a region
 * node through one file of the same variables per service, readable by its owner only; secrets never show in
 * {@code ps}.
 */
final class ServiceLauncher {

    /**
     * Lifetime of the access tokens the playground's identity-services issue: the demo's apps sign in once per run, and
     * public clients get no refresh token yet, so a token lasts the longest a run takes.
     */
    static final Duration IDENTITY_ACCESS_TOKEN_TTL = Duration.ofHours(1);

    /**
     * The services that call other services, each a confidential client at its region's identity-service (client
     * credentials, scope {@code service}): the gateway reads sync-sinks' lag, order-service and dispatch-service read
     * the unit homes from the gateway, dispatch assigns rides at order-service.
     */
    static final Set<ComponentKind> SERVICE_CLIENTS =
            EnumSet.of(ComponentKind.GATEWAY, ComponentKind.ORDER_SERVICE, ComponentKind.DISPATCH_SERVICE);

    private final Playground playground;

    ServiceLauncher(Playground playground) {
        this.playground = playground;
    }

    /** The executable jar of a service module. */
    Path jar(ComponentKind kind) {
        return playground.repo().resolve(kind.module()).resolve("target").resolve(kind.module() + "-exec.jar");
    }

    /** The region node's jar; its libraries (the services' plain jars among them) are in {@code lib/} beside it. */
    Path nodeJar() {
        return playground.repo().resolve(NODE_MODULE).resolve("target").resolve(NODE_MODULE + ".jar");
    }

    private static final String NODE_MODULE = "region-node";

    /** Builds what {@code mode} runs when it is missing (first run on a fresh clone): the node, or the service jars. */
    void ensureBuilt(ServiceMode mode) {
        if (mode == ServiceMode.REGION_NODE) {
            if (!Files.exists(nodeJar()) || !Files.isDirectory(nodeJar().resolveSibling("lib"))) {
                build(List.of(NODE_MODULE));
            }
            return;
        }
        ensureBuilt(java.util.Arrays.stream(ComponentKind.values())
                .filter(ComponentKind::isService)
                .toArray(ComponentKind[]::new));
    }

    /** Builds the jars of {@code kinds} that are missing, in one Maven run. */
    void ensureBuilt(ComponentKind... kinds) {
        List<String> missing = new ArrayList<>();
        for (ComponentKind kind : kinds) {
            if (!Files.exists(jar(kind))) {
                missing.add(kind.module());
            }
        }
        if (!missing.isEmpty()) {
            build(missing);
        }
    }

    private void build(List<String> missing) {
        System.err.println("building " + missing + " (first run; takes a minute) ...");
        try {
            Process p = new ProcessBuilder(
                            "mvn",
                            "-B",
                            "-q",
                            "-DskipTests",
                            "-DskipITs",
                            "-Dspotless.check.skip=true",
                            "package",
                            "-pl",
                            String.join(",", missing),
                            "-am")
                    .directory(playground.repo().toFile())
                    .inheritIO()
                    .start();
            if (!p.waitFor(20, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new PlatformException(
                        "building " + missing + " failed; run `mvn package -DskipTests` to see why");
            }
        } catch (IOException e) {
            throw new PlatformException("cannot run mvn to build " + missing + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("interrupted while building", e);
        }
    }

    /**
     * The command line of {@code region}'s node hosting the services whose environment files are in {@code envDir}
     * (see {@link #writeNodeEnvironment}).
     *
     * <p>Class data and method profiles come from an AOT cache (JEP 483, 514, 515) when one matches the build: the
     * node loads its classes already parsed and linked, and the JIT starts from the profiles of a training run instead
     * of from nothing. The cache is trained at first start: with none (or one older than a jar it covers), region a's
     * node runs with {@code -XX:AOTCacheOutput} and writes it when it exits normally ({@code ./platform down}); a node
     * killed by a drill writes nothing. It lives beside the jars ({@code region-node/target/region-node.aot}), so a
     * rebuild or {@code mvn clean} drops it, and {@code ./platform down --wipe} keeps it.
     */
    List<String> nodeCommand(Path envDir, Region region) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // one heap for five services and the replication hot path: the throughput collector, as sync-sink had alone
        command.addAll(
                List.of("-Xms512m", "-Xmx2g", "-XX:+UseParallelGC", "-Xss512k", "--enable-native-access=ALL-UNNAMED"));
        List<Path> classpath = nodeClasspath();
        Path cache = aotCache();
        if (aotCacheReady(classpath)) {
            command.add("-XX:AOTCache=" + cache);
        } else if (region.id() == 1 && !Boolean.getBoolean(AOT_OFF)) {
            // (measuring without it, RIDEMESH_LAUNCHER_JVM_OPTS=-Dridemesh.aot.off=true: neither used nor trained)
            deleteQuietly(cache);
            command.add("-XX:AOTCacheOutput=" + cache);
        }
        command.addAll(extraJvmOptions());
        command.add("-cp");
        // the jars listed one by one in a fixed order: an AOT cache is valid only for the classpath it was made with
        command.add(String.join(
                java.io.File.pathSeparator,
                classpath.stream().map(Path::toString).toList()));
        command.add("io.ridemesh.node.RegionNode");
        command.add(envDir.toString());
        return command;
    }

    /** Launcher system property that turns the region node's AOT cache off (for measuring without it). */
    static final String AOT_OFF = "ridemesh.aot.off";

    /** The region node's AOT cache (see {@link #nodeCommand}). */
    Path aotCache() {
        return nodeJar().resolveSibling(NODE_MODULE + ".aot");
    }

    /**
     * Whether a region node started now would load {@link #aotCache()}: it exists, is newer than every jar of the
     * node's classpath, and the cache is not switched off ({@value #AOT_OFF}). False when the node is not built.
     */
    boolean aotCacheReady() {
        if (!Files.exists(nodeJar()) || !Files.isDirectory(nodeJar().resolveSibling("lib"))) {
            return false;
        }
        return aotCacheReady(nodeClasspath());
    }

    private boolean aotCacheReady(List<Path> classpath) {
        Path cache = aotCache();
        return !Boolean.getBoolean(AOT_OFF) && Files.exists(cache) && isNewerThanAll(cache, classpath);
    }

    /**
     * The node's jar and the libraries its manifest names ({@code Class-Path}, in {@code lib/} beside it), in that
     * order: this build's libraries only, whatever else an earlier build left in {@code lib/} (with the directory
     * listed instead, an upgraded library ran in its old version, the first in name order).
     */
    private List<Path> nodeClasspath() {
        List<Path> classpath = new ArrayList<>();
        classpath.add(nodeJar());
        try (var jar = new JarFile(nodeJar().toFile())) {
            var manifest = jar.getManifest();
            String listed =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (listed == null || listed.isBlank()) {
                throw new PlatformException(
                        nodeJar() + " names no libraries (no Class-Path in its manifest): rebuild it with mvn package");
            }
            for (String entry : listed.trim().split("\\s+")) {
                classpath.add(nodeJar().resolveSibling(entry));
            }
        } catch (IOException e) {
            throw new PlatformException("cannot read the region node's manifest: " + e.getMessage(), e);
        }
        return classpath;
    }

    private static boolean isNewerThanAll(Path file, List<Path> others) {
        try {
            var time = Files.getLastModifiedTime(file);
            for (Path other : others) {
                if (Files.getLastModifiedTime(other).compareTo(time) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale cache the JVM will refuse anyway (it checks the classpath it was made with)
        }
    }

    /**
     * Writes one {@code <service>.env} file per service of {@code region} into {@code envDir}: the environment each
     * service's own process would get ({@link #environment}), as Java properties readable by the owner only (they
     * hold the database passwords and signing keys).
     */
    void writeNodeEnvironment(Path envDir, Region region, List<Region> regions) {
        try {
            Files.createDirectories(envDir);
            for (ComponentKind kind : ComponentKind.values()) {
                if (!kind.isService()) {
                    continue;
                }
                Path file = envDir.resolve(kind.id() + ".env");
                Files.deleteIfExists(file);
                Files.createFile(
                        file,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                java.util.Properties properties = new java.util.Properties();
                properties.putAll(environment(region, kind, regions));
                try (var out = Files.newOutputStream(file)) {
                    properties.store(out, kind.id() + " in " + nodeJar().getFileName() + " of region " + region.name());
                }
            }
        } catch (IOException e) {
            throw new PlatformException(
                    "cannot write the region node's environment to " + envDir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> extraJvmOptions() {
        String extra = System.getenv("RIDEMESH_SERVICE_JVM_OPTS");
        return extra == null || extra.isBlank()
                ? List.of()
                : List.of(extra.trim().split("\\s+"));
    }

    List<String> command(ComponentKind kind) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (kind == ComponentKind.SYNC_SINK) {
            // the replication hot path: full JIT and a throughput collector
            command.addAll(List.of("-Xms256m", "-Xmx768m", "-XX:+UseParallelGC"));
        } else {
            // Small heaps and the serial collector: ten JVMs share two cores. Full tiered JIT: C1-only code
            // halves the request throughput under sustained load (the demo), which costs more than C2's
            // compilations at start.
            command.addAll(List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k"));
        }
        command.addAll(extraJvmOptions());
        command.add("-jar");
        command.add(jar(kind).toString());
        return command;
    }

    Map<String, String> environment(Region region, ComponentKind kind, List<Region> regions) {
        PortPlan ports = playground.ports();
        Credentials creds = playground.credentials();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.port(region, kind)));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("RIDEMESH_REGION_ID", Integer.toString(region.id()));
        env.put("RIDEMESH_REGION_NAME", region.name());
        env.put(
                "RIDEMESH_REGIONS",
                regions.stream().map(r -> r.name() + "=" + r.id()).collect(Collectors.joining(",")));
        env.put("SPRING_DATASOURCE_URL", playground.jdbcUrl(region, kind.schema()));
        env.put("SPRING_DATASOURCE_USERNAME", Playground.dbUser(kind));
        env.put("SPRING_DATASOURCE_PASSWORD", creds.dbPassword(kind.id()));
        env.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        env.put("SPRING_DATA_REDIS_PORT", Integer.toString(ports.port(region, ComponentKind.REDIS)));
        // the region's own Kafka cluster: capture publishes there, dispatch reads its ride events there
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", playground.kafkaBootstrap(region));
        if (kind == ComponentKind.SYNC_SINK) {
            // apply consumes each peer region's changes from that region's cluster, through the region's WAN proxy
            for (Region peer : regions) {
                if (!peer.equals(region)) {
                    env.put(
                            "SYNC_PEERS_" + peer.name().toUpperCase(java.util.Locale.ROOT),
                            playground.peerKafkaBootstrap(region, peer));
                }
            }
        }
        if (kind == ComponentKind.IDENTITY_SERVICE) {
            env.put("RIDEMESH_IDENTITY_ISSUER", playground.identityIssuer(region));
            // the keys live in a file identity-service reads again when it changes: ./platform rotate-keys
            Path keys = IdentityKeys.file(playground.home(), region);
            IdentityKeys.ensure(keys, creds.identitySigningKeys(region.name()));
            env.put("IDENTITY_SIGNING_KEYS_FILE", keys.toAbsolutePath().toString());
            env.put("IDENTITY_ACCESS_TOKEN_TTL", IDENTITY_ACCESS_TOKEN_TTL.toMinutes() + "m");
            for (ComponentKind client : SERVICE_CLIENTS) {
                env.put("IDENTITY_CLIENT_SECRET_" + client.name(), creds.serviceClientSecret(client.id()));
            }
        }
        if (SERVICE_CLIENTS.contains(kind)) {
            // the service's tokens toward other services: client credentials at its own region's authorization server
            env.put(
                    "RIDEMESH_SERVICE_CLIENT_TOKEN_URI",
                    playground.serviceUrl(region, region, ComponentKind.IDENTITY_SERVICE) + "/oauth2/token");
            env.put("RIDEMESH_SERVICE_CLIENT_ID", kind.id());
            env.put("RIDEMESH_SERVICE_CLIENT_SECRET", creds.serviceClientSecret(kind.id()));
        }
        // every region's authorization server, its keys fetched through whatever link reaches that region
        env.put(
                "RIDEMESH_TRUSTED_ISSUERS",
                regions.stream()
                        .map(r -> playground.identityIssuer(r) + " "
                                + playground.serviceUrl(region, r, ComponentKind.IDENTITY_SERVICE) + "/oauth2/jwks")
                        .collect(Collectors.joining(",")));
        env.put("RIDEMESH_QUOTE_SECRET", creds.quoteSecret());
        env.put("RIDEMESH_OPERATOR_PASSWORD", creds.operatorPassword());
        env.put("RIDEMESH_OPERATOR_LOGIN", Credentials.OPERATOR_LOGIN);
        env.put("GATEWAY_OPS_SERVER_PORT", Integer.toString(ports.gatewayOps(region)));
        // pricing signs quotes (key as base64 text) and order-service verifies them (key as hex):
        // the same 32 bytes in the encoding each expects
        env.put(
                "PRICING_QUOTE_SIGNING_KEY",
                java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(creds.quoteSecret())));
        env.put("RIDEMESH_MARIADB_PORT", Integer.toString(ports.port(region, ComponentKind.MARIADB)));
        env.put("RIDEMESH_CDC_USER", "cdc");
        env.put("RIDEMESH_CDC_PASSWORD", creds.dbPassword(Credentials.CDC));
        for (ComponentKind service : ComponentKind.values()) {
            if (service.isService()) {
                String key = service.id().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
                env.put("RIDEMESH_" + key + "_URL", "http://127.0.0.1:" + ports.port(region, service));
                // a peer region's services through this region's WAN proxy
                for (Region r : regions) {
                    env.put(
                            "RIDEMESH_" + r.name().toUpperCase(java.util.Locale.ROOT) + "_" + key + "_URL",
                            playground.serviceUrl(region, r, service));
                }
            }
        }
        return env;
    }
}
