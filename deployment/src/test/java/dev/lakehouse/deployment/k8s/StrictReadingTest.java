package dev.lakehouse.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.io.IOException;
import java.util.List;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.junit.jupiter.api.Test;

/** The typed reading rejects what the lenient models would let through: proof that the other checks see typos. */
class StrictReadingTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final StrictModels models = new StrictModels();

    @Test
    void aMisspeltDeploymentFieldIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: trino-worker
                spec:
                  replicsa: 2
                  selector:
                    matchLabels:
                      app: trino
                  template:
                    spec:
                      containers:
                        - name: trino
                          image: trinodb/trino:476
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("replicsa");
    }

    @Test
    void aMisspeltFieldDeepInAPodTemplateIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: trino-worker
                spec:
                  template:
                    spec:
                      containers:
                        - name: trino
                          image: trinodb/trino:476
                          resources:
                            requets:
                              cpu: "1"
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("requets");
    }

    /** The operator's JobSpec is annotated to ignore unknown fields: without the strict reading this would pass. */
    @Test
    void aMisspeltFlinkDeploymentJobFieldIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: lakehouse
                spec:
                  flinkVersion: v2_0
                  job:
                    jarUri: local:///opt/flink/usrlib/lakehouse-flink-jobs.jar
                    upgradeMode: savepoint
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("jarUri");
    }

    @Test
    void aMisspeltFlinkVersionIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: lakehouse
                spec:
                  flinkVersion: v2_O
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("v2_O");
    }

    @Test
    void aMisspeltStrimziFieldIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: lakehouse
                spec:
                  kafka:
                    listners:
                      - name: plain
                        port: 9092
                        type: internal
                        tls: false
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("listners");
    }

    @Test
    void aKindWithoutATypedModelIsRejected() {
        assertThatThrownBy(() -> read("""
                apiVersion: v1
                kind: Pdo
                metadata:
                  name: trino
                """)).isInstanceOf(AssertionError.class).hasMessageContaining("no typed model for v1/Pdo");
    }

    @Test
    void wellFormedDocumentsReadIntoTheirModels() throws IOException {
        HasMetadata flink = read("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: lakehouse
                spec:
                  flinkVersion: v2_0
                  job:
                    jarURI: local:///opt/flink/usrlib/lakehouse-flink-jobs.jar
                    upgradeMode: savepoint
                """);

        assertThat(flink).isInstanceOf(FlinkDeployment.class);
        assertThat(((FlinkDeployment) flink).getSpec().getJob().getJarURI()).endsWith("lakehouse-flink-jobs.jar");
    }

    /** The second guard: fields kept in an additionalProperties map, however they got there, are found. */
    @Test
    void fieldsKeptInAdditionalPropertiesAnywhereAreFound() throws IOException {
        Kafka kafka = (Kafka) read("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata:
                  name: lakehouse
                spec:
                  kafka:
                    listeners:
                      - name: plain
                        port: 9092
                        type: internal
                        tls: false
                """);
        kafka.getSpec().getKafka().getListeners().get(0).setAdditionalProperty("prot", 9092);
        Deployment deployment = new Deployment();
        deployment.setAdditionalProperty("replicsa", 2);

        assertThat(AdditionalProperties.nonEmptyIn(kafka)).singleElement().asString()
                .contains(".spec.kafka.listeners[0]").contains("prot");
        assertThat(AdditionalProperties.nonEmptyIn(deployment)).singleElement().asString().contains("replicsa");
    }

    @Test
    void argumentsTheJobDoesNotKnowAreRejected() {
        assertThatThrownBy(() -> JobArguments.parse("test", List.of("--bootstrap-servers", "kafka:9092",
                "--catalog-uri", "http://lakekeeper:8181/catalog", "--s3-endpiont", "http://minio:9000")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("--s3-endpiont");
    }

    private HasMetadata read(String yaml) throws IOException {
        JsonNode document = YAML.readTree(yaml);
        return models.read(document);
    }
}
