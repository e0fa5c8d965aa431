package dev.lakehouse.deployment.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.strimzi.api.kafka.model.kafka.entityoperator.EntityOperatorSpec;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.Resource;

/**
 * What in a rendering runs without CPU and memory requests and limits. Containers are checked where they are
 * written; the operators' containers where their custom resource sets them: the Flink operator derives the
 * JobManager's and TaskManagers' requests and limits from {@code jobManager.resource} and {@code
 * taskManager.resource}, Strimzi the Kafka nodes' from the node pool and the entity operator's from its own fields.
 */
final class ResourceLimits {

    private ResourceLimits() {
    }

    /** One line per container (or operand) that lacks any of cpu and memory in requests or limits. */
    static List<String> missingIn(Rendering rendering) {
        List<String> missing = new ArrayList<>();
        for (PodSpecs.OwnedPodSpec pod : PodSpecs.of(rendering)) {
            pod.allContainers()
                    .filter(container -> !isFlinkMainContainer(pod, container))
                    .forEach(container -> check(pod.owner() + " container " + container.getName(), container.getResources(), missing));
        }
        rendering.all(FlinkDeployment.class).forEach(flink -> {
            String name = "FlinkDeployment/" + flink.getMetadata().getName();
            check(name + " jobManager.resource", flink.getSpec().getJobManager() == null ? null : flink.getSpec().getJobManager().getResource(), missing);
            check(name + " taskManager.resource", flink.getSpec().getTaskManager() == null ? null : flink.getSpec().getTaskManager().getResource(), missing);
        });
        rendering.all(KafkaNodePool.class).forEach(pool ->
                check("KafkaNodePool/" + pool.getMetadata().getName(), pool.getSpec().getResources(), missing));
        rendering.all(Kafka.class).forEach(kafka -> {
            EntityOperatorSpec entityOperator = kafka.getSpec().getEntityOperator();
            String name = "Kafka/" + kafka.getMetadata().getName();
            if (entityOperator != null && entityOperator.getTopicOperator() != null) {
                check(name + " topicOperator", entityOperator.getTopicOperator().getResources(), missing);
            }
            if (entityOperator != null && entityOperator.getUserOperator() != null) {
                check(name + " userOperator", entityOperator.getUserOperator().getResources(), missing);
            }
        });
        return missing;
    }

    /** The operator replaces this container's resources with jobManager/taskManager.resource, checked above. */
    private static boolean isFlinkMainContainer(PodSpecs.OwnedPodSpec pod, Container container) {
        return pod.owner().startsWith("FlinkDeployment/") && container.getName().equals("flink-main-container");
    }

    private static void check(String what, ResourceRequirements resources, List<String> missing) {
        if (resources == null) {
            missing.add(what + ": no resources");
            return;
        }
        checkBoth(what + " requests", resources.getRequests(), missing);
        checkBoth(what + " limits", resources.getLimits(), missing);
    }

    private static void checkBoth(String what, Map<String, Quantity> amounts, List<String> missing) {
        for (String resource : List.of("cpu", "memory")) {
            if (amounts == null || amounts.get(resource) == null) {
                missing.add(what + ": no " + resource);
            }
        }
    }

    private static void check(String what, Resource resource, List<String> missing) {
        if (resource == null || resource.getCpu() == null || resource.getCpu() <= 0
                || resource.getMemory() == null || resource.getMemory().isBlank()) {
            missing.add(what + ": needs cpu and memory");
        }
    }
}
