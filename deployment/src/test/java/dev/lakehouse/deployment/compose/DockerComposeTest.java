package dev.lakehouse.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.lakehouse.bronze.BronzeTopics;
import dev.lakehouse.jobs.LakehouseJob;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yaml at the repository's top: valid for a real Compose implementation, every file it names present,
 * only loopback UI and query ports published, and the settings of the jobs, the producer, the catalog, Kafka and
 * Trino in agreement with each other and with the job's own options. No Docker engine is needed.
 */
class DockerComposeTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE_FILE = REPOSITORY.resolve("docker-compose.yaml");
    /** Where the deployment takes its credentials from; the check uses the committed local defaults. */
    static final String SECRETS_VARIABLE = "LAKEHOUSE_SECRETS";
    /** Container ports that may be published: the Flink dashboard, Trino, the MinIO console. */
    static final Set<Integer> PUBLISHABLE_PORTS = Set.of(8081, 8080, 9001);
    static final String SUBMIT_SCRIPT = "submit-job.sh";
    static final String TRINO_ICEBERG_CATALOG = "/etc/trino/catalog/iceberg.properties";

    static ComposeConfig compose;

    @BeforeAll
    static void validateAndRead() throws Exception {
        compose = ComposeConfig.parse(DockerComposeCli.onPath().config(COMPOSE_FILE, SECRETS_VARIABLE));
    }

    @Test
    void everyBuildHasItsContextAndDockerfile() {
        List<ComposeService> built = compose.services().values().stream().filter(s -> s.build().isPresent()).toList();
        assertThat(built).as("services built from this repository").isNotEmpty();
        for (ComposeService service : built) {
            ComposeService.Build build = service.build().orElseThrow();
            assertThat(build.context()).as(service.name() + " build context").isDirectory().startsWith(REPOSITORY);
            assertThat(build.dockerfile()).as(service.name() + " Dockerfile").isRegularFile();
        }
    }

    @Test
    void everyBindMountAndEnvFileExistsInTheRepository() throws IOException {
        for (ComposeService service : compose.services().values()) {
            for (Mount mount : service.mounts()) {
                mount.hostPath().ifPresent(path -> assertThat(path).as(service.name() + " mounts " + mount.target())
                        .exists().startsWith(REPOSITORY));
            }
        }
        EnvFiles.of(COMPOSE_FILE).forEach((service, files) -> files.forEach(file ->
                assertThat(file).as(service + " env_file").isRegularFile().startsWith(REPOSITORY)));
    }

    @Test
    void onlyUiAndQueryPortsArePublishedAndOnlyOnLoopback() {
        for (ComposeService service : compose.services().values()) {
            for (PublishedPort port : service.ports()) {
                assertThat(port.target()).as(service.name() + " publishes " + port).isIn(PUBLISHABLE_PORTS);
                assertThat(port.hostIp()).as(service.name() + " publishes " + port + " on").isEqualTo("127.0.0.1");
            }
        }
        assertThat(compose.services().values().stream().flatMap(s -> s.ports().stream()).map(PublishedPort::target))
                .as("the Flink dashboard and Trino are reachable from the host").contains(8081, 8080);
    }

    @Test
    void bothJobsAreSubmittedWithArgumentsTheJobAccepts() {
        Map<String, ComposeService> submitters = submitters();
        assertThat(submitters.values().stream().map(s -> job(s).job()))
                .containsExactlyInAnyOrder(LakehouseJob.Job.lakehouse, LakehouseJob.Job.maintenance);
        submitters.values().forEach(submitter -> assertThat(submitter.environment().get("JOB_NAME"))
                .as(submitter.name() + ": the name a running copy is recognized by").isEqualTo(job(submitter).job().jobName()));
    }

    @Test
    void submittersReachTheFlinkRestEndpoint() {
        for (ComposeService submitter : submitters().values()) {
            Map<String, String> environment = submitter.environment();
            assertListensOn(submitter.name() + " JOBMANAGER_REST_ADDRESS/PORT", new HostPort(
                    environment.get("JOBMANAGER_REST_ADDRESS"), Integer.parseInt(environment.get("JOBMANAGER_REST_PORT"))));
        }
    }

    @Test
    void everyScriptAServiceRunsIsMountedIntoIt() {
        for (ComposeService service : compose.services().values()) {
            Stream.concat(service.entrypoint().stream(), service.command().stream())
                    .filter(argument -> argument.startsWith("/opt/lakehouse/"))
                    .forEach(script -> assertThat(service.mountAt(script)).as(service.name() + " runs " + script).isPresent());
        }
    }

    @Test
    void jobsReachTheCatalogServiceOnAPortItListensOn() {
        for (ComposeService submitter : submitters().values()) {
            HostPort catalog = HostPort.ofUrl(job(submitter).catalogUri());
            assertListensOn(submitter.name() + " --catalog-uri", catalog);
            assertThat(job(submitter).catalogProperties()).as(submitter.name() + " --catalog-property").containsKey("warehouse");
        }
    }

    @Test
    void jobsProducerAndTopicCreationUseTheKafkaServiceListener() {
        Set<HostPort> advertised = advertisedKafkaListeners();
        assertThat(advertised).as("KAFKA_ADVERTISED_LISTENERS of the Kafka service").isNotEmpty();
        for (ComposeService submitter : submitters().values()) {
            assertThat(job(submitter).bootstrapServers()).as(submitter.name() + " --bootstrap-servers").isNotEmpty()
                    .allSatisfy(server -> assertThat(advertised).contains(server));
        }
        assertThat(producer().bootstrapServers()).as("producer --bootstrap-servers").isNotEmpty()
                .allSatisfy(server -> assertThat(advertised).contains(server));
        assertThat(JobCommandLine.servers(topicCreator().environment().get("BOOTSTRAP_SERVERS")))
                .as("kafka-init BOOTSTRAP_SERVERS").allSatisfy(server -> assertThat(advertised).contains(server));
    }

    @Test
    void theTopicsCreatedAreTheTopicsTheJobReadsAndTheProducerWrites() {
        List<String> topics = Arrays.asList(topicCreator().environment().get("TOPICS").split(","));
        assertThat(topics).containsExactlyInAnyOrderElementsOf(BronzeTopics.all(""));
    }

    @Test
    void theProducerReplaysTheCommittedSeedsReadOnly() {
        ComposeService service = compose.single("the replay producer", s -> s.name().equals("producer"));
        Mount seeds = service.mountAt(producer().seeds().toString()).orElseThrow(
                () -> new AssertionError("the producer's --seeds " + producer().seeds() + " is not a mount"));
        assertThat(seeds.hostPath()).contains(REPOSITORY.resolve("seeds"));
        assertThat(seeds.readOnly()).as("seeds mounted read-only").isTrue();
    }

    @Test
    void trinoQueriesTheSameCatalogWarehouseAndObjectStoreAsTheJobs() throws IOException {
        ComposeService trino = compose.single("Trino", s -> s.image().startsWith("trinodb/trino:"));
        Path catalogFile = trino.mountAt(TRINO_ICEBERG_CATALOG).flatMap(Mount::hostPath).orElseThrow(
                () -> new AssertionError("Trino has no bind-mounted " + TRINO_ICEBERG_CATALOG));
        Properties catalog = new Properties();
        try (Reader reader = Files.newBufferedReader(catalogFile)) {
            catalog.load(reader);
        }
        assertThat(catalog.getProperty("iceberg.catalog.type")).isEqualTo("rest");
        assertThat(catalog.getProperty("fs.native-s3.enabled")).isEqualTo("true");
        for (ComposeService submitter : submitters().values()) {
            JobCommandLine job = job(submitter);
            assertThat(catalog.getProperty("iceberg.rest-catalog.uri")).as("the REST URI of Trino and " + submitter.name())
                    .isEqualTo(job.catalogUri());
            assertThat(catalog.getProperty("iceberg.rest-catalog.warehouse")).as("the warehouse of Trino and " + submitter.name())
                    .isEqualTo(job.catalogProperties().get("warehouse"));
            assertThat(catalog.getProperty("s3.endpoint")).as("the S3 endpoint of Trino and " + submitter.name())
                    .isEqualTo(job.s3Endpoint());
            assertThat(catalog.getProperty("s3.region")).isEqualTo(job.s3Region());
            assertThat(Boolean.parseBoolean(catalog.getProperty("s3.path-style-access"))).isEqualTo(job.s3PathStyleAccess());
        }
        assertListensOn("Trino's s3.endpoint", HostPort.ofUrl(catalog.getProperty("s3.endpoint")));
        assertThat(catalog.getProperty("s3.aws-access-key")).isEqualTo("${ENV:AWS_ACCESS_KEY_ID}");
        assertThat(catalog.getProperty("s3.aws-secret-key")).isEqualTo("${ENV:AWS_SECRET_ACCESS_KEY}");
        assertThat(trino.environment()).as("Trino's environment").containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void theCatalogsWarehouseAndTheCheckpointsLiveInTheBucketThatIsCreated() {
        ComposeService bucketCreator = compose.single("creating the bucket", s -> s.environment().containsKey("BUCKET")
                && s.environment().containsKey("MINIO_ROOT_USER"));
        ComposeService warehouseCreator = compose.single("creating the warehouse", s -> s.environment().containsKey("WAREHOUSE"));
        String bucket = bucketCreator.environment().get("BUCKET");
        assertThat(warehouseCreator.environment().get("BUCKET")).isEqualTo(bucket);
        for (ComposeService submitter : submitters().values()) {
            JobCommandLine job = job(submitter);
            assertThat(job.catalogProperties().get("warehouse")).isEqualTo(warehouseCreator.environment().get("WAREHOUSE"));
            assertThat(job.catalogUri()).startsWith(warehouseCreator.environment().get("CATALOG") + "/");
            URI checkpoints = URI.create(job.checkpointDir());
            assertThat(checkpoints.getScheme()).as(submitter.name() + " --checkpoint-dir").isEqualTo("s3");
            assertThat(checkpoints.getHost()).as(submitter.name() + " --checkpoint-dir bucket").isEqualTo(bucket);
            assertListensOn(submitter.name() + " --s3-endpoint", HostPort.ofUrl(job.s3Endpoint()));
            assertThat(job.s3Endpoint()).isEqualTo(warehouseCreator.environment().get("S3_ENDPOINT"));
        }
    }

    @Test
    void credentialsAreNeverOnACommandLine() {
        Set<String> secrets = compose.services().values().stream()
                .flatMap(s -> s.environment().entrySet().stream())
                .filter(e -> e.getKey().contains("SECRET") || e.getKey().contains("PASSWORD"))
                .map(Map.Entry::getValue).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
        assertThat(secrets).as("the secrets of the local defaults").isNotEmpty();
        for (ComposeService service : compose.services().values()) {
            for (String argument : service.command()) {
                assertThat(secrets).as(service.name() + " command argument " + argument)
                        .noneMatch(argument::contains);
            }
        }
    }

    @Test
    void everyDependencyExistsAndEveryConditionCanBeMet() {
        for (ComposeService service : compose.services().values()) {
            service.dependsOn().forEach((target, condition) -> {
                ComposeService dependency = compose.service(target).orElseThrow(
                        () -> new AssertionError(service.name() + " depends on a missing service " + target));
                switch (condition) {
                    case "service_healthy" -> assertThat(dependency.hasHealthcheck())
                            .as(service.name() + " waits for " + target + " to be healthy: its health check").isTrue();
                    case "service_completed_successfully" -> assertThat(dependency.restart())
                            .as(service.name() + " waits for " + target + " to complete: it must not be restarted").isEqualTo("no");
                    case "service_started" -> { }
                    default -> throw new AssertionError(service.name() + " depends on " + target + " with " + condition);
                }
            });
        }
    }

    private static Map<String, ComposeService> submitters() {
        Map<String, ComposeService> submitters = compose.services().values().stream()
                .filter(s -> LakehouseJob.class.getName().equals(s.environment().get("ENTRY_CLASS")))
                .collect(Collectors.toMap(ComposeService::name, s -> s));
        assertThat(submitters).as("services that submit " + LakehouseJob.class.getName()).isNotEmpty();
        return submitters;
    }

    /** The job's arguments: what follows the submit script in the submitter's command. */
    private static JobCommandLine job(ComposeService submitter) {
        List<String> arguments = submitter.commandAfter(SUBMIT_SCRIPT).orElseThrow(
                () -> new AssertionError(submitter.name() + " does not run " + SUBMIT_SCRIPT + ": " + submitter.command()));
        assertThatCode(() -> JobCommandLine.parse(arguments)).as(submitter.name() + ": the job's options accept " + arguments)
                .doesNotThrowAnyException();
        return JobCommandLine.parse(arguments);
    }

    private static ProducerCommandLine producer() {
        ComposeService producer = compose.single("the replay producer", s -> s.name().equals("producer"));
        return ProducerCommandLine.parse(producer.command());
    }

    private static ComposeService topicCreator() {
        return compose.single("creating the topics", s -> s.environment().containsKey("TOPICS"));
    }

    private static Set<HostPort> advertisedKafkaListeners() {
        ComposeService kafka = compose.single("the Kafka broker", s -> s.environment().containsKey("KAFKA_ADVERTISED_LISTENERS"));
        Set<HostPort> listeners = Arrays.stream(kafka.environment().get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .map(listener -> HostPort.parse(listener.substring(listener.indexOf("://") + 3)))
                .collect(Collectors.toSet());
        listeners.forEach(listener -> assertListensOn("Kafka's advertised listener", listener));
        return listeners;
    }

    /** The address names a service of this file, and a port that service declares. */
    private static void assertListensOn(String what, HostPort address) {
        ComposeService service = compose.service(address.host()).orElseThrow(
                () -> new AssertionError(what + " " + address + " names no service of " + COMPOSE_FILE.getFileName()));
        assertThat(service.exposed()).as(what + " " + address + ": ports " + service.name() + " listens on")
                .contains(address.port());
    }
}
