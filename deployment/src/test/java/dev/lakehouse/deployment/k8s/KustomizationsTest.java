package dev.lakehouse.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.contract.DeadLetterHeaders;
import dev.lakehouse.contract.Source;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that hold for every kustomization under k8s/: base, each overlay, the replay Job. */
class KustomizationsTest {

    static Stream<Path> kustomizations() {
        return Kustomizations.all().stream();
    }

    @Test
    void theBaseAndTheDevAndProdOverlaysExist() {
        assertThat(Kustomizations.all()).contains(Path.of("base"), Path.of("overlays/dev"), Path.of("overlays/prod"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyRenderedDocumentReadsIntoItsTypedModel(Path folder) {
        Rendering rendering = Kustomizations.rendered(folder);

        assertThat(rendering.manifests()).isNotEmpty();
        assertThat(rendering.all(HasMetadata.class))
                .allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace()).as(resource.getKind() + "/"
                        + resource.getMetadata().getName()).isIn("lakehouse", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Path folder) {
        assertThat(ResourceLimits.missingIn(Kustomizations.rendered(folder))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everyConfigMapAPodReadsIsInTheRendering(Path folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        Set<String> defined = names(rendering.all(ConfigMap.class));

        assertThat(defined).containsAll(References.of(rendering).configMaps());
    }

    /** A Secret that the rendering lacks must be one README.md tells the operator to create. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void everySecretAPodReadsIsInTheRenderingOrCreatedAsTheReadmeSays(Path folder) throws IOException {
        Rendering rendering = Kustomizations.rendered(folder);
        Set<String> missing = new TreeSet<>(References.of(rendering).secrets());
        missing.removeAll(names(rendering.all(Secret.class)));
        String readme = Files.readString(Kustomizations.root().resolve("README.md"));

        assertThat(missing).allSatisfy(secret -> assertThat(readme).contains("kubectl create secret generic " + secret));
    }

    @Test
    void theDevOverlayIsCompleteWithoutSecretsCreatedByHand() {
        Rendering dev = Kustomizations.rendered("overlays/dev");

        assertThat(names(dev.all(Secret.class))).containsAll(References.of(dev).secrets());
    }

    /** Only the dev overlay generates Secrets, from its development-only .env files; nothing else holds one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void noSecretCarriesDataOutsideTheDevOverlay(Path folder) {
        if (folder.equals(Path.of("overlays/dev"))) {
            return;
        }
        assertThat(Kustomizations.rendered(folder).all(Secret.class))
                .allSatisfy(secret -> assertThat(secret.getData()).as(secret.getMetadata().getName()).isNullOrEmpty())
                .allSatisfy(secret -> assertThat(secret.getStringData()).as(secret.getMetadata().getName()).isNullOrEmpty());
    }

    @Test
    void theBaseReferencesSecretsAndDefinesNone() {
        Rendering base = Kustomizations.rendered("base");

        assertThat(base.all(Secret.class)).isEmpty();
        assertThat(References.of(base).secrets()).containsExactlyInAnyOrder("s3-credentials", "catalog-db");
    }

    /** KRaft with node pools, one KafkaTopic per contract topic, each sized and with its retention set, and never rolled by time. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void kafkaHasEveryContractTopic(Path folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        List<Kafka> clusters = rendering.all(Kafka.class).toList();
        if (clusters.isEmpty()) {
            assertThat(rendering.all(KafkaTopic.class)).isEmpty();
            return;
        }
        assertThat(clusters).hasSize(1);
        Kafka kafka = clusters.get(0);
        String cluster = kafka.getMetadata().getName();
        Set<String> contractTopics = Stream.concat(Arrays.stream(Source.values()).map(source -> source.topic("")),
                Stream.of(DeadLetterHeaders.TOPIC_NAME)).collect(Collectors.toSet());

        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/node-pools", "enabled").containsEntry("strimzi.io/kraft", "enabled");
        assertThat(rendering.all(KafkaNodePool.class)).isNotEmpty().allSatisfy(pool ->
                assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        assertThat(rendering.all(KafkaTopic.class).map(topic -> topic.getSpec().getTopicName()))
                .containsExactlyInAnyOrderElementsOf(contractTopics);
        assertThat(rendering.all(KafkaTopic.class)).allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            assertThat(topic.getSpec().getPartitions()).isPositive();
            assertThat(topic.getSpec().getReplicas()).isPositive();
            assertThat(topic.getSpec().getConfig()).containsKey("retention.ms");
            assertThat(String.valueOf(topic.getSpec().getConfig().get("segment.ms"))).isEqualTo(Long.toString(Long.MAX_VALUE));
        });
    }

    private static Set<String> names(Stream<? extends HasMetadata> resources) {
        return resources.map(resource -> resource.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
    }
}
