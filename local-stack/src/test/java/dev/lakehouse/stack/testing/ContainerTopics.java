package dev.lakehouse.stack.testing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Idempotent topic creation against any broker (used for the container broker). */
final class ContainerTopics {

    private ContainerTopics() {
    }

    static void createIfMissing(String bootstrapServers, Collection<String> names, int partitions,
                                Map<String, String> topicConfigs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().distinct()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1).configs(topicConfigs))
                    .toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Creating topic " + result.getKey() + " failed", e.getCause());
                    }
                }
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Could not create topics " + names + " on " + bootstrapServers, e);
        }
    }
}
