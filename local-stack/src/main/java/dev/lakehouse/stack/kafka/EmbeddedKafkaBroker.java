package dev.lakehouse.stack.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, broker and controller in one) running inside this JVM, built from
 * Kafka's own server classes. Every listener binds to 127.0.0.1.
 *
 * <p>The log folder is formatted once; a later start on the same folder reuses its cluster id (read back
 * from {@code meta.properties}) and keeps all topics, records, committed offsets and transactions.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String SASL_LISTENER = "SASL_PLAINTEXT";
    private static final String BROKER_USER = "broker";
    private static final String PLAIN_LOGIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";
    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final Duration startupTimeout;
    private final Map<String, String> extraBrokerConfig;
    /** SASL/PLAIN users (name → password) when the client listener requires authentication; empty = plaintext. */
    private final Map<String, String> saslUsers;
    /** The broker's own identity on its SASL listener (inter-broker traffic, the stack's readiness checks). */
    private final String brokerPassword = UUID.randomUUID().toString();

    private KafkaRaftServer server;
    private int brokerPort;
    private int controllerPort;
    private String clusterId;

    private EmbeddedKafkaBroker(Builder builder) {
        this.logDir = builder.logDir.toAbsolutePath().normalize();
        this.requestedBrokerPort = builder.brokerPort;
        this.requestedControllerPort = builder.controllerPort;
        this.startupTimeout = builder.startupTimeout;
        this.extraBrokerConfig = Map.copyOf(builder.extraBrokerConfig);
        this.saslUsers = Map.copyOf(builder.saslUsers);
    }

    public static Builder builder(Path logDir) {
        return new Builder(logDir);
    }

    /** Formats the log folder if needed, starts the broker and returns once it answers admin requests. */
    public synchronized EmbeddedKafkaBroker start() {
        // Two probes in a row may get the same just-closed port; the broker and its controller need two.
        LoopbackPorts.Distinct ports = new LoopbackPorts.Distinct();
        return start(ports.resolve(requestedBrokerPort), ports.resolve(requestedControllerPort));
    }

    /**
     * Stops the broker cleanly and starts it again on the same ports and log folder, as an operator's broker restart
     * does: clients (the jobs, producers) see their connections drop and reconnect to the same address, and every
     * topic, record and committed offset is still there. Returns once it answers admin requests again.
     */
    public synchronized EmbeddedKafkaBroker restart() {
        requireRunning();
        int sameBrokerPort = brokerPort;
        int sameControllerPort = controllerPort;
        close();
        return start(sameBrokerPort, sameControllerPort);
    }

    private EmbeddedKafkaBroker start(int brokerPortToBind, int controllerPortToBind) {
        if (server != null) {
            throw new IllegalStateException("Kafka broker is already running on " + bootstrapServers());
        }
        long startedAt = System.nanoTime();
        brokerPort = brokerPortToBind;
        controllerPort = controllerPortToBind;
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("Broker and controller port must differ, both are " + brokerPort);
        }
        createLogDir();
        clusterId = existingClusterId().orElseGet(this::formatLogDir);

        KafkaRaftServer raftServer = new KafkaRaftServer(new KafkaConfig(brokerConfig()), Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            stopQuietly(raftServer);
            throw new IllegalStateException("Kafka broker failed to start on log dir " + logDir
                    + " (another broker using the same folder holds its lock)", e);
        }
        server = raftServer;
        try {
            KafkaReadiness.awaitServing(bootstrapServers(), adminClientProperties(), startupTimeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker ready on {} (controller {}:{}, log dir {}, cluster {}) in {} ms",
                bootstrapServers(), LOOPBACK, controllerPort, logDir, clusterId,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return this;
    }

    /** {@code 127.0.0.1:<port>} for clients; only valid after {@link #start()}. */
    public String bootstrapServers() {
        requireRunning();
        return LOOPBACK + ":" + brokerPort;
    }

    public int brokerPort() {
        requireRunning();
        return brokerPort;
    }

    public int controllerPort() {
        requireRunning();
        return controllerPort;
    }

    public String clusterId() {
        requireRunning();
        return clusterId;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Creates the topics that do not exist yet; topics that already exist are left as they are (their
     * partitions and configs are not changed). Returns once every partition has a leader.
     */
    public void createTopics(Collection<String> names, int partitions, Map<String, String> topicConfigs) {
        requireRunning();
        KafkaTopics.createIfMissing(bootstrapServers(), adminClientProperties(), names, partitions, topicConfigs, startupTimeout);
    }

    /** Creates the topics with {@link KafkaTopicDefaults#KEEP_FOREVER}. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, KafkaTopicDefaults.KEEP_FOREVER);
    }

    /** Shuts the broker down cleanly (flushes logs, writes a clean-shutdown marker) and waits for it. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopQuietly(stopping);
        LOG.info("Kafka broker on {}:{} stopped", LOOPBACK, brokerPort);
    }

    private static void stopQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.warn("Kafka broker did not shut down cleanly", e);
        }
    }

    private Map<String, Object> brokerConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        String clientListener = saslUsers.isEmpty() ? "PLAINTEXT" : SASL_LISTENER;
        config.put("listeners", clientListener + "://" + LOOPBACK + ":" + brokerPort
                + "," + CONTROLLER_LISTENER + "://" + LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", clientListener + "://" + LOOPBACK + ":" + brokerPort);
        config.put("listener.security.protocol.map", clientListener + ":" + clientListener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("inter.broker.listener.name", clientListener);
        if (!saslUsers.isEmpty()) {
            config.put("sasl.enabled.mechanisms", "PLAIN");
            config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            config.put("listener.name." + SASL_LISTENER.toLowerCase(Locale.ROOT) + ".plain.sasl.jaas.config", brokerJaasConfig());
        }
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        config.put("log.dirs", logDir.toString());

        // One node: internal topics must not ask for 3 replicas, or consumer groups never get an
        // assignment and initTransactions() times out. One partition each keeps start-up fast.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");

        // Saves ~3 s on every first consumer-group join.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created on purpose, with KEEP_FOREVER retention; a typo must fail, not create a topic.
        config.put("auto.create.topics.enable", "false");
        // Default for topics created by anyone else too: 2024 event timestamps must not expire (see
        // KafkaTopicDefaults.KEEP_FOREVER).
        config.put("log.retention.ms", "-1");
        // Flink's exactly-once Kafka sink asks for a 1 h transaction timeout by default; the broker's
        // default ceiling is 15 min and would reject it.
        config.put("transaction.max.timeout.ms", String.valueOf(Duration.ofHours(1).toMillis()));
        config.putAll(extraBrokerConfig);
        return config;
    }

    /** The login module line of the SASL listener: the broker's own identity plus every user it accepts. */
    private String brokerJaasConfig() {
        StringBuilder jaas = new StringBuilder(PLAIN_LOGIN_MODULE).append(" required")
                .append(" username=\"").append(BROKER_USER).append("\" password=\"").append(brokerPassword).append('"')
                .append(" user_").append(BROKER_USER).append("=\"").append(brokerPassword).append('"');
        saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
        return jaas.append(';').toString();
    }

    /** Client settings for a SASL/PLAIN user of this broker, as a user would put them in a properties file. */
    public static Properties saslPlainClientProperties(String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("security.protocol", SASL_LISTENER);
        properties.setProperty("sasl.mechanism", "PLAIN");
        properties.setProperty("sasl.jaas.config",
                PLAIN_LOGIN_MODULE + " required username=\"" + user + "\" password=\"" + password + "\";");
        return properties;
    }

    /** What the stack's own admin clients need to reach this broker: nothing on plaintext, the broker user on SASL. */
    public Properties adminClientProperties() {
        return saslUsers.isEmpty() ? new Properties() : saslPlainClientProperties(BROKER_USER, brokerPassword);
    }

    private void createLogDir() {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka log dir " + logDir, e);
        }
    }

    /** The cluster id of an already formatted log folder, read back from its meta.properties. */
    private Optional<String> existingClusterId() {
        Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (!Files.isRegularFile(metaProperties)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metaProperties, e);
        }
        String id = properties.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; delete " + logDir
                    + " to start with an empty broker");
        }
        String nodeId = properties.getProperty("node.id");
        if (nodeId != null && !nodeId.equals(String.valueOf(NODE_ID))) {
            throw new IllegalStateException(metaProperties + " belongs to node " + nodeId + ", expected "
                    + NODE_ID + "; this folder was formatted for another broker");
        }
        return Optional.of(id);
    }

    private String formatLogDir() {
        String newClusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(NODE_ID)
                    .setClusterId(newClusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    // Kafka 4.x formats with transaction.version=2 by default; the Flink Kafka sink is
                    // reported to fail recovery under 2 (FLINK-40689), so stay on 1.
                    .setFeatureLevel("transaction.version", (short) 1)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Formatting Kafka log dir " + logDir + " failed: "
                    + formatterOutput.toString(StandardCharsets.UTF_8).trim(), e);
        }
        LOG.debug("Formatted {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8).trim());
        return newClusterId;
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException("Kafka broker is not running; call start() first");
        }
    }

    /** Settings of an {@link EmbeddedKafkaBroker}; ports default to 0 (a free loopback port). */
    public static final class Builder {
        private final Path logDir;
        private int brokerPort;
        private int controllerPort;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> extraBrokerConfig = new LinkedHashMap<>();
        private final Map<String, String> saslUsers = new LinkedHashMap<>();

        private Builder(Path logDir) {
            if (logDir == null) {
                throw new IllegalArgumentException("Kafka log dir is required");
            }
            this.logDir = logDir;
        }

        /** Client port; 0 picks a free loopback port. */
        public Builder brokerPort(int port) {
            this.brokerPort = port;
            return this;
        }

        /** KRaft controller port; 0 picks a free loopback port. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** How long start() and createTopics() wait for the broker to answer. */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Requires SASL/PLAIN authentication on the client listener (as a secured cluster does), accepting this user;
         * repeatable. Clients connect with {@link #saslPlainClientProperties(String, String)}.
         */
        public Builder saslPlainUser(String user, String password) {
            if (user.equals(BROKER_USER)) {
                throw new IllegalArgumentException("'" + BROKER_USER + "' is the broker's own user");
            }
            this.saslUsers.put(user, password);
            return this;
        }

        /** Overrides or adds a broker setting (e.g. {@code num.partitions}). */
        public Builder brokerConfig(String key, String value) {
            this.extraBrokerConfig.put(key, value);
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
