package dev.lakehouse.deployment.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.replay.ReplayCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.JobSpec;
import org.apache.flink.kubernetes.operator.api.spec.JobState;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The jobs as the Flink operator would start them: the job jar's own option parser accepts their arguments, and
 * what the arguments name (Kafka, the catalog, the object storage) is what the rendering deploys, the same for
 * Trino.
 */
class FlinkDeploymentsTest {

    private static final String JOB_IMAGE = "lakehouse/flink-jobs:0.1.0-SNAPSHOT";
    private static final String JOB_JAR = "local:///opt/flink/usrlib/lakehouse-flink-jobs.jar";
    private static final String ENTRY_CLASS = "dev.lakehouse.jobs.LakehouseJob";
    private static final String FLINK_MAIN_CONTAINER = "flink-main-container";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{ENV:([A-Za-z0-9_]+)}");

    /** The kustomizations that deploy the jobs: base and the overlays. */
    static Stream<String> withJobs() {
        return Kustomizations.all().stream()
                .filter(folder -> Kustomizations.rendered(folder).all(FlinkDeployment.class).findAny().isPresent())
                .map(Object::toString);
    }

    @Test
    void baseAndOverlaysRunTheLakehouseAndTheMaintenanceJob() {
        assertThat(withJobs()).contains("base", "overlays/dev", "overlays/prod");
        assertThat(Kustomizations.rendered("base").all(FlinkDeployment.class)
                .map(flink -> args(flink).job())).containsExactlyInAnyOrder("lakehouse", "maintenance");
    }

    @Test
    void theImageAndJarAreWhatTheProjectBuildsAndComposeRuns() throws Exception {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        assertThat(Files.readString(repository.resolve("flink-jobs/Dockerfile")))
                .as("the Dockerfile puts the jar where the FlinkDeployments look for it")
                .containsPattern("(?m)^COPY .* " + Pattern.quote(JOB_JAR.substring("local://".length())) + "$");
        assertThat(Files.readString(repository.resolve("docker-compose.yaml"))).contains("image: " + JOB_IMAGE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void theJobJarRunsOnFlinkOfItsOwnVersionWithSavepointUpgrades(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        String flinkRelease = EnvironmentInformation.getVersion();

        assertThat(rendering.manifestsOf(FlinkDeployment.class)).allSatisfy(manifest -> {
            FlinkDeployment flink = (FlinkDeployment) manifest.typed();
            JobSpec job = flink.getSpec().getJob();
            assertThat(manifest.raw().path("spec").path("flinkVersion").asText()).isEqualTo(FlinkVersionField.of(flinkRelease));
            assertThat(flink.getSpec().getImage()).isEqualTo(JOB_IMAGE);
            assertThat(job.getJarURI()).isEqualTo(JOB_JAR);
            assertThat(job.getEntryClass()).isEqualTo(ENTRY_CLASS);
            assertThat(job.getUpgradeMode()).isEqualTo(UpgradeMode.SAVEPOINT);
            assertThat(job.getState()).isEqualTo(JobState.RUNNING);
            assertThat(env(flink, "ENABLE_BUILT_IN_PLUGINS").getValue())
                    .as("Flink's S3 file system plugin of the same release").matches("flink-s3-fs-(presto|hadoop)-"
                            + Pattern.quote(flinkRelease) + "\\.jar");
        });
    }

    /** Checkpoints and savepoints on the object storage; the job's --checkpoint-dir is the cluster's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void checkpointsAndSavepointsLiveInTheBucketOfTheObjectStorage(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        ObjectStorage storage = ObjectStorage.of(rendering);

        assertThat(rendering.all(FlinkDeployment.class)).allSatisfy(flink -> {
            Map<String, String> conf = flink.getSpec().getFlinkConfiguration();
            assertThat(conf.get("execution.checkpointing.dir")).startsWith("s3://" + storage.bucket() + "/");
            assertThat(conf.get("execution.checkpointing.savepoint-dir")).startsWith("s3://" + storage.bucket() + "/");
            assertThat(args(flink).checkpointDir()).contains(conf.get("execution.checkpointing.dir"));
            assertThat(conf.get("s3.endpoint")).isEqualTo(storage.endpoint());
            assertThat(conf.get("s3.path.style.access")).isEqualTo(String.valueOf(storage.pathStyleAccess()));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void theJobsWriteToTheObjectStorageWithKeysFromASecret(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        ObjectStorage storage = ObjectStorage.of(rendering);

        assertThat(rendering.all(FlinkDeployment.class)).allSatisfy(flink -> {
            JobArguments args = args(flink);
            assertThat(args.s3Endpoint()).contains(storage.endpoint());
            assertThat(args.s3Region()).contains(storage.region());
            assertThat(args.s3PathStyleAccess()).isEqualTo(storage.pathStyleAccess());
            for (String key : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
                EnvVar credential = env(flink, key);
                assertThat(credential.getValue()).as(key + " inline").isNull();
                assertThat(credential.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(key);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void theBootstrapServersAreAPlainListenerOfTheKafkaCluster(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);

        assertThat(rendering.all(FlinkDeployment.class)).allSatisfy(flink -> {
            JobArguments args = args(flink);
            assertThat(args.hasKafkaProperties()).as("no TLS/SASL client settings: the listener must be plain").isFalse();
            assertThat(plainBootstrapServers(rendering)).contains(args.bootstrapServers());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void theCatalogUriIsAServiceOfTheRendering(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);

        assertThat(rendering.all(FlinkDeployment.class)).allSatisfy(flink -> {
            URI catalog = URI.create(args(flink).catalogUri());
            assertThat(servicePort(rendering, catalog.getHost(), catalog.getPort())).as(catalog.toString()).isTrue();
            assertThat(args(flink).catalogProperty("warehouse")).isPresent();
        });
    }

    /** Trino reads the tables through the same catalog URI and warehouse, and the same object storage. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void trinoQueriesTheCatalogTheJobsWrite(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        Properties iceberg = trinoCatalog(rendering);

        assertThat(iceberg.getProperty("connector.name")).isEqualTo("iceberg");
        assertThat(iceberg.getProperty("iceberg.catalog.type")).isEqualTo("rest");
        assertThat(iceberg.getProperty("fs.native-s3.enabled")).isEqualTo("true");
        assertThat(rendering.all(FlinkDeployment.class)).allSatisfy(flink -> {
            assertThat(iceberg.getProperty("iceberg.rest-catalog.uri")).isEqualTo(args(flink).catalogUri());
            assertThat(iceberg.getProperty("iceberg.rest-catalog.warehouse"))
                    .isEqualTo(args(flink).catalogProperty("warehouse").orElseThrow());
        });
        for (String key : List.of("s3.endpoint", "s3.region", "s3.path-style-access", "s3.aws-access-key", "s3.aws-secret-key")) {
            assertThat(iceberg.getProperty(key)).as(key).isNotBlank();
        }
    }

    /** Every ${ENV:NAME} in Trino's catalog is set in each Trino container, from a ConfigMap or a Secret. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withJobs")
    void trinosCatalogEnvironmentIsProvided(String folder) {
        Rendering rendering = Kustomizations.rendered(folder);
        Properties iceberg = trinoCatalog(rendering);
        Set<String> needed = iceberg.stringPropertyNames().stream().map(iceberg::getProperty)
                .flatMap(value -> ENV_REFERENCE.matcher(value).results().map(match -> match.group(1)))
                .collect(Collectors.toSet());
        List<Container> trino = rendering.all(Deployment.class)
                .flatMap(deployment -> deployment.getSpec().getTemplate().getSpec().getContainers().stream())
                .filter(container -> container.getImage().startsWith("trinodb/trino:")).toList();

        assertThat(trino).hasSize(2).allSatisfy(container -> assertThat(container.getImage()).isEqualTo("trinodb/trino:476"));
        assertThat(needed).contains("S3_ENDPOINT", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        assertThat(trino).allSatisfy(container -> assertThat(environment(rendering, container)).containsAll(needed));
    }

    /** The producer Job's arguments parse with the replay command's options and name the Kafka of the base. */
    @Test
    void theReplayJobReplaysIntoTheKafkaOfTheBase() {
        Rendering replay = Kustomizations.rendered("replay");
        Container producer = replay.all(Job.class)
                .flatMap(job -> job.getSpec().getTemplate().getSpec().getContainers().stream())
                .filter(container -> container.getImage().equals("lakehouse/producers:0.1.0-SNAPSHOT")).findFirst().orElseThrow();
        CommandLine.ParseResult parsed;
        try {
            parsed = new CommandLine(new ReplayCommand()).parseArgs(producer.getArgs().toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the replay command rejects " + producer.getArgs() + ": " + e.getMessage(), e);
        }

        assertThat(plainBootstrapServers(Kustomizations.rendered("base")))
                .contains((String) parsed.matchedOptionValue("--bootstrap-servers", null));
        assertThat(producer.getVolumeMounts()).anySatisfy(mount ->
                assertThat(mount.getMountPath()).isEqualTo(parsed.matchedOptionValue("--seeds", null).toString()));
    }

    private static JobArguments args(FlinkDeployment flink) {
        return JobArguments.parse("FlinkDeployment/" + flink.getMetadata().getName(),
                Arrays.asList(flink.getSpec().getJob().getArgs()));
    }

    private static EnvVar env(FlinkDeployment flink, String name) {
        return flink.getSpec().getPodTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(FLINK_MAIN_CONTAINER))
                .flatMap(container -> container.getEnv().stream()).filter(env -> env.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("FlinkDeployment/" + flink.getMetadata().getName()
                        + " sets no " + name + " in " + FLINK_MAIN_CONTAINER));
    }

    /** host:port of every plain (no TLS) listener of every Kafka, as Strimzi names its bootstrap Service. */
    private static Set<String> plainBootstrapServers(Rendering rendering) {
        return rendering.all(Kafka.class).flatMap(kafka -> kafka.getSpec().getKafka().getListeners().stream()
                        .filter(listener -> !listener.isTls())
                        .map(GenericKafkaListener::getPort)
                        .map(port -> kafka.getMetadata().getName() + "-kafka-bootstrap:" + port))
                .collect(Collectors.toSet());
    }

    private static boolean servicePort(Rendering rendering, String host, int port) {
        return rendering.named(Service.class, host).stream()
                .flatMap(service -> service.getSpec().getPorts().stream()).anyMatch(p -> p.getPort() == port);
    }

    private static Properties trinoCatalog(Rendering rendering) {
        String text = rendering.named(ConfigMap.class, "trino-catalog")
                .map(configMap -> configMap.getData().get("iceberg.properties"))
                .orElseThrow(() -> new AssertionError(rendering + " has no iceberg.properties in ConfigMap trino-catalog"));
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The names a container's environment holds: its env, and the keys of the ConfigMaps and Secrets it imports. */
    private static Set<String> environment(Rendering rendering, Container container) {
        Set<String> names = container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
        container.getEnvFrom().forEach(source -> {
            if (source.getConfigMapRef() != null) {
                rendering.named(ConfigMap.class, source.getConfigMapRef().getName())
                        .ifPresent(configMap -> names.addAll(configMap.getData().keySet()));
            }
            if (source.getSecretRef() != null) {
                names.addAll(secretKeys(rendering, source.getSecretRef().getName()));
            }
        });
        return names;
    }

    /** A Secret's keys; for one created by hand, the keys README.md and the dev overlay give it. */
    private static Set<String> secretKeys(Rendering rendering, String secret) {
        return rendering.named(Secret.class, secret)
                .map(found -> found.getData().keySet())
                .orElseGet(() -> Kustomizations.rendered("overlays/dev")
                        .named(Secret.class, secret)
                        .map(found -> found.getData().keySet()).orElse(Set.of()));
    }
}
