package dev.lakehouse.deployment.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.FlinkSessionJob;

/**
 * Reads a manifest into the typed model of its apiVersion and kind, rejecting any field the model does not declare.
 *
 * <p>The fabric8, Strimzi and Flink operator models are lenient on purpose (a client must survive a newer server):
 * they keep unknown fields in an {@code additionalProperties} map through {@code @JsonAnySetter}, or drop them with
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)}. Here both annotations are switched off, so an unknown field is
 * an {@link com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException} naming its path; {@link
 * AdditionalProperties} then checks that nothing reached such a map another way (a custom deserializer).
 */
final class StrictModels {

    /** The kinds the manifests may use; anything else has no typed model and fails. */
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            Namespace.class, Service.class, ConfigMap.class, Secret.class, ServiceAccount.class,
            PersistentVolumeClaim.class, Deployment.class, StatefulSet.class, Job.class, Role.class, RoleBinding.class,
            Kafka.class, KafkaNodePool.class, KafkaTopic.class, FlinkDeployment.class, FlinkSessionJob.class);

    private static final String STRIMZI_API_VERSION = "v1";

    private static final Map<String, Class<? extends HasMetadata>> BY_TYPE = byType();

    private final ObjectMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new StrictIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final FlinkVersionField flinkVersion = new FlinkVersionField();

    /** The typed object of one rendered document; an {@link AssertionError} naming the field when it does not fit. */
    HasMetadata read(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends HasMetadata> model = BY_TYPE.get(type);
        if (model == null) {
            throw new AssertionError("no typed model for " + type + " (known: " + BY_TYPE.keySet() + ")");
        }
        JsonNode bindable = model == FlinkDeployment.class ? flinkVersion.checkedAndRemoved(document) : document;
        HasMetadata resource;
        try {
            resource = mapper.treeToValue(bindable, model);
        } catch (Exception e) {
            throw new AssertionError(type + " " + document.path("metadata").path("name").asText() + " does not fit "
                    + model.getName() + ": " + e.getMessage(), e);
        }
        List<String> swallowed = AdditionalProperties.nonEmptyIn(resource);
        if (!swallowed.isEmpty()) {
            throw new AssertionError(type + " " + resource.getMetadata().getName() + " has fields its model does not know: "
                    + swallowed);
        }
        return resource;
    }

    private static Map<String, Class<? extends HasMetadata>> byType() {
        Map<String, Class<? extends HasMetadata>> byType = new LinkedHashMap<>();
        for (Class<? extends HasMetadata> kind : KINDS) {
            byType.put(HasMetadata.getApiVersion(kind) + "/" + HasMetadata.getKind(kind), kind);
        }
        // Strimzi's model classes (0.51, the last on Java 17) carry v1beta2, their storage version, and serve v1 too:
        // the manifests use v1, the only version Strimzi 1.x (Kafka 4.3) accepts.
        for (Class<? extends HasMetadata> kind : List.of(Kafka.class, KafkaNodePool.class, KafkaTopic.class)) {
            byType.remove(HasMetadata.getApiVersion(kind) + "/" + HasMetadata.getKind(kind));
            byType.put(HasMetadata.getGroup(kind) + "/" + STRIMZI_API_VERSION + "/" + HasMetadata.getKind(kind), kind);
        }
        return byType;
    }

    /** Jackson's annotation reading, less the two ways the models let an unknown field through. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated member) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated member) {
            return super.findPropertyIgnoralByName(config, member).withoutIgnoreUnknown();
        }
    }
}
