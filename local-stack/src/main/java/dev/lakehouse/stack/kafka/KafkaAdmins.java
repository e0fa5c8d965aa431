package dev.lakehouse.stack.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Short-lived admin clients for the local broker. */
final class KafkaAdmins {

    private KafkaAdmins() {
    }

    static Admin open(String bootstrapServers, Duration apiTimeout) {
        return open(bootstrapServers, new Properties(), apiTimeout);
    }

    /** @param clientProperties security settings (TLS, SASL) and other overrides, applied last */
    static Admin open(String bootstrapServers, Properties clientProperties, Duration apiTimeout) {
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, apiTimeout.toMillis());
        Map<String, Object> config = new HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "lakehouse-local-stack-admin",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000),
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        clientProperties.stringPropertyNames().forEach(name -> config.put(name, clientProperties.getProperty(name)));
        return Admin.create(config);
    }
}
