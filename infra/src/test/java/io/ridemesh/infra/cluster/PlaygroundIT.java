package io.ridemesh.infra.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** {@code up --infra-only --regions 3} through the launcher's Java API, on its own port base. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundIT {

    static Playground playground;
    static List<Long> pids = new ArrayList<>();

    @BeforeAll
    static void up() {
        Path repo = Path.of(System.getProperty("ridemesh.repo", "..")).toAbsolutePath();
        playground = Playground.create(repo, Path.of("target/platform-it"), new PortPlan(11000), System.out::println);
        playground.down(true);
        playground.up(3, true);
        playground.status().forEach(s -> pids.add(s.pid()));
    }

    @AfterAll
    static void down() {
        if (playground != null) {
            playground.down(true);
        }
    }

    @Test
    @Order(1)
    void everyComponentIsHealthy() {
        List<ComponentStatus> status = playground.status();
        assertThat(status).hasSize(3 * 4);
        assertThat(status)
                .allSatisfy(s -> assertThat(s.healthy()).as(s.toString()).isTrue());
        // no process shared by two regions: each has its own Kafka cluster
        assertThat(status)
                .filteredOn(s -> s.kind().equals("kafka"))
                .extracting(ComponentStatus::region)
                .containsExactlyInAnyOrder("a", "b", "c");
        assertThat(status).extracting(ComponentStatus::kind).contains("mariadb", "redis", "kafka", "wan-proxy");
    }

    @Test
    @Order(2)
    void everyRegionHasRowBinlogWithFullImageAndItsOwnServerId() throws SQLException {
        Set<Long> serverIds = new HashSet<>();
        for (Region region : playground.regions()) {
            try (Connection c = playground.rootConnection(region);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT @@log_bin, @@binlog_format, @@binlog_row_image,"
                            + " @@server_id, @@gtid_domain_id, @@gtid_strict_mode")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).isEqualTo("ROW");
                assertThat(rs.getString(3)).isEqualTo("FULL");
                serverIds.add(rs.getLong(4));
                assertThat(rs.getLong(5)).isEqualTo(region.id());
                assertThat(rs.getInt(6)).isEqualTo(1);
            }
        }
        assertThat(serverIds).hasSize(3);
    }

    @Test
    @Order(3)
    void cdcUserHasExactlyTheGrantsDebeziumNeeds() throws SQLException {
        for (Region region : playground.regions()) {
            try (Connection c = playground.rootConnection(region);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW GRANTS FOR 'cdc'@'127.0.0.1'")) {
                List<String> grants = new ArrayList<>();
                while (rs.next()) {
                    grants.add(rs.getString(1));
                }
                assertThat(grants).hasSize(1);
                assertThat(grants.get(0))
                        .startsWith("GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR ON *.*");
            }
        }
    }

    @Test
    @Order(4)
    void serviceUsersSeeOnlyTheirSchema() throws SQLException {
        Region a = Region.of(1);
        try (Connection c = java.sql.DriverManager.getConnection(
                        playground.jdbcUrl(a, "rides"),
                        "order_service",
                        playground.credentials().dbPassword("order-service"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW DATABASES")) {
            List<String> dbs = new ArrayList<>();
            while (rs.next()) {
                dbs.add(rs.getString(1));
            }
            assertThat(dbs).contains("rides").doesNotContain("dispatch", "pricing", "identity", "mysql");
        }
    }

    @Test
    @Order(4)
    void noServiceIsGrantedAnotherServicesSchema() throws SQLException {
        // the SQL-grant check of "no service reads another one's schema": they ask each other's query APIs
        for (ComponentKind kind : ComponentKind.values()) {
            if (!kind.isService() || kind == ComponentKind.SYNC_SINK) {
                continue; // sync-sink applies every service's replicated rows
            }
            String user = Playground.dbUser(kind);
            try (Connection c = playground.rootConnection(Region.of(1));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW GRANTS FOR '" + user + "'@'127.0.0.1'")) {
                List<String> onSchemas = new ArrayList<>();
                while (rs.next()) {
                    String grant = rs.getString(1);
                    if (!grant.startsWith("GRANT USAGE ON *.*")) {
                        onSchemas.add(grant);
                    }
                }
                assertThat(onSchemas).as("grants of %s", user).isNotEmpty().allSatisfy(grant -> assertThat(grant)
                        .contains(" ON `" + kind.schema() + "`.*"));
            }
        }
    }

    @Test
    @Order(5)
    void kafkaRoundTrips() {
        String topic = "it-roundtrip-" + UUID.randomUUID();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, playground.kafkaBootstrap());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError("produce failed", e);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, playground.kafkaBootstrap());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            assertThat(values).containsExactly("hello");
        }
    }

    @Test
    @Order(5)
    void aPeerReachesAKafkaOnlyThroughItsOwnWanProxyWhichAPartitionCuts() throws Exception {
        Region a = Region.of(1);
        Region b = Region.of(2);
        // the broker advertises, to b's clients, b's proxy port: every connection after bootstrap passes it too
        assertThat(brokerPorts(playground.peerKafkaBootstrap(b, a)))
                .containsExactly(playground.ports().wanEgress(b, a, ComponentKind.KAFKA));
        assertThat(brokerPorts(playground.kafkaBootstrap(a)))
                .containsExactly(playground.ports().port(a, ComponentKind.KAFKA));

        playground.partition(a, b, Duration.ofMinutes(5));
        try {
            assertThat(playground.wanLinks())
                    .anySatisfy(links -> assertThat(links).contains("partitionedUntilMs\":1"));
            assertThatThrownBy(() -> brokerPorts(playground.peerKafkaBootstrap(b, a)))
                    .as("nothing crosses a partition")
                    .isInstanceOf(java.util.concurrent.ExecutionException.class);
            assertThat(brokerPorts(playground.peerKafkaBootstrap(Region.of(3), a)))
                    .as("c is not cut off from a")
                    .hasSize(1);
        } finally {
            playground.heal();
        }
        assertThat(brokerPorts(playground.peerKafkaBootstrap(b, a))).hasSize(1);
    }

    /** The ports of the brokers a client bootstrapped at {@code bootstrap} is told to use (3 s to answer). */
    private static List<Integer> brokerPorts(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("default.api.timeout.ms", "3000");
        p.put("request.timeout.ms", "3000");
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(p)) {
            return admin.describeCluster().nodes().get(3, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .map(org.apache.kafka.common.Node::port)
                    .toList();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new java.util.concurrent.ExecutionException("no answer in 3 s from " + bootstrap, e);
        }
    }

    @Test
    @Order(6)
    void redisAnswersPing() {
        for (Region region : playground.regions()) {
            assertThat(Probes.redis(playground.ports().port(region, ComponentKind.REDIS)))
                    .isNull();
        }
    }

    @Test
    @Order(7)
    void secondUpStartsNoDuplicates() {
        List<ComponentStatus> again = playground.up(3, true);
        assertThat(again).extracting(ComponentStatus::pid).containsExactlyElementsOf(pids);
    }

    @Test
    @Order(8)
    void crashedComponentShowsUnhealthy() {
        Region c = Region.of(3);
        ProcessHandle redisProcess = ProcessHandle.of(pidOf(c, "redis")).orElseThrow();
        redisProcess.destroyForcibly();
        redisProcess.onExit().join();
        ComponentStatus redis = playground.status().stream()
                .filter(s -> s.region().equals("c") && s.kind().equals("redis"))
                .findFirst()
                .orElseThrow();
        assertThat(redis.healthy()).isFalse();
        playground.up(3, true);
        assertThat(playground.status()).allSatisfy(s -> assertThat(s.healthy()).isTrue());
    }

    @Test
    @Order(9)
    void takenPortIsAClearErrorNamingThePort() throws Exception {
        PortPlan other = new PortPlan(30000);
        Playground second = Playground.create(playground.repo(), Path.of("target/platform-it-ports"), other, s -> {});
        int kafka = other.port(Region.of(1), ComponentKind.KAFKA);
        try (ServerSocket squatter = new ServerSocket(kafka, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.up(1, true))
                    .isInstanceOf(PortTaken.class)
                    .hasMessageContaining("port " + kafka);
        }
    }

    @Test
    @Order(10)
    void downLeavesNoProcessBehind() {
        List<Long> all = playground.status().stream().map(ComponentStatus::pid).toList();
        playground.down(false);
        for (long pid : all) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("pid %d alive after down", pid)
                    .isFalse();
        }
        assertThat(playground.status()).allSatisfy(s -> assertThat(s.healthy()).isFalse());
    }

    private static long pidOf(Region region, String kind) {
        Map<String, Long> byKey = new java.util.HashMap<>();
        playground.status().forEach(s -> byKey.put(s.region() + "/" + s.kind(), s.pid()));
        return byKey.get(region.name() + "/" + kind);
    }
}
