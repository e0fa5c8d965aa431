package dev.lakehouse.stack.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Idempotent topic creation, on the embedded broker or any other single-replica broker. */
public final class KafkaTopics {

    private static final short SINGLE_REPLICA = 1;
    private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private KafkaTopics() {
    }

    public static void createIfMissing(String bootstrapServers, Collection<String> names, int partitions,
                                Map<String, String> topicConfigs, Duration timeout) {
        createIfMissing(bootstrapServers, new Properties(), names, partitions, topicConfigs, timeout);
    }

    /** @param clientProperties the admin client's security settings (TLS, SASL) */
    public static void createIfMissing(String bootstrapServers, Properties clientProperties, Collection<String> names,
                                int partitions, Map<String, String> topicConfigs, Duration timeout) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Topics need at least one partition, got " + partitions);
        }
        Set<String> wanted = Set.copyOf(names);
        if (wanted.isEmpty()) {
            return;
        }
        try (Admin admin = KafkaAdmins.open(bootstrapServers, clientProperties, timeout)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = wanted.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, SINGLE_REPLICA).configs(topicConfigs))
                    .toList();
            if (!missing.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
                    awaitCreated(result.getKey(), result.getValue(), timeout);
                }
            }
            awaitLeaders(admin, wanted, timeout);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Could not list or create topics " + wanted + " on " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics " + wanted, e);
        }
    }

    private static void awaitCreated(String topic, KafkaFuture<Void> future, Duration timeout)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // Someone else created it between listTopics and createTopics: that is the idempotent case.
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Creating topic " + topic + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Producers and consumers started right after creation should not see "unknown topic" or "no leader". */
    private static void awaitLeaders(Admin admin, Set<String> topics, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> withoutLeader = topics;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                withoutLeader = descriptions.values().stream()
                        .filter(d -> d.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty()))
                        .map(TopicDescription::name)
                        .collect(Collectors.toSet());
                if (withoutLeader.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("Describing topics " + topics + " failed: " + e.getCause(), e.getCause());
                }
            } catch (java.util.concurrent.TimeoutException e) {
                break;
            }
            LockSupport.parkNanos(RETRY_PAUSE_NANOS);
        }
        throw new IllegalStateException("Topics " + withoutLeader + " have no partition leader after "
                + timeout.toSeconds() + " s");
    }
}
