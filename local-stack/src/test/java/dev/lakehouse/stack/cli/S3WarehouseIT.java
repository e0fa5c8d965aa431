package dev.lakehouse.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.oracle.GoldOracle;
import dev.lakehouse.oracle.SeedData;
import dev.lakehouse.oracle.SilverOracle;
import dev.lakehouse.stack.testing.S3TestServer;
import dev.lakehouse.stack.testing.SeedFolders;
import dev.lakehouse.stack.testing.TempDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The sample replayed into a warehouse on S3-compatible storage (a real S3 API server): the job jar writes through
 * Iceberg's S3FileIO, the catalog keeps only its database locally, and Trino reads every table through its native S3
 * file system with the same row counts a local warehouse has (the CSV files for bronze, the batch recomputation for
 * silver and gold, which the convergence test holds a local warehouse to).
 */
class S3WarehouseIT {
    private static final String BUCKET = "lakehouse";
    private static final String WAREHOUSE = "s3://" + BUCKET + "/it";

    private S3TestServer s3;
    private Path stateDir;
    private Path credentials;

    @BeforeEach
    void startObjectStore() throws Exception {
        s3 = S3TestServer.start(BUCKET);
        stateDir = Files.createTempDirectory("lakehouse-s3-state");
        credentials = Files.writeString(stateDir.resolveSibling(stateDir.getFileName() + ".s3.properties"),
                "access-key-id=lakehouse-test\nsecret-access-key=never-printed-secret\n");
    }

    @AfterEach
    void stopObjectStore() throws Exception {
        if (s3 != null) {
            s3.close();
        }
        TempDirs.deleteRecursively(stateDir);
        Files.deleteIfExists(credentials);
    }

    @Test
    void theSampleLandsInTheBucketAndTrinoCountsWhatALocalWarehouseHas() throws Exception {
        ByteArrayOutputStream demoOut = new ByteArrayOutputStream();
        String demo = run(demoOut, new DemoCommand(printer(demoOut)), "--seeds", SeedFolders.sample().toString(),
                "--exit-when-drained", "--checkpoint-interval", "2s", "--job-jar", System.getProperty("lakehouse.job.jar"),
                "--no-trino", "--no-maintenance",
                "--dashboard-port", "0", "--kafka-port", "0", "--kafka-controller-port", "0", "--catalog-port", "0");
        assertThat(demo).contains("Drained").contains(WAREHOUSE).doesNotContain("never-printed-secret");

        List<String> keys = objectKeys();
        assertThat(keys).as("table files in the bucket")
                .anyMatch(key -> key.startsWith("it/bronze/customer_events/data/") && key.endsWith(".parquet"))
                .anyMatch(key -> key.startsWith("it/gold/customer_summary/metadata/") && key.endsWith(".metadata.json"));
        try (Stream<Path> local = Files.walk(stateDir)) {
            assertThat(local.map(Path::toString)).as("no table file in the local state folder")
                    .noneMatch(name -> name.endsWith(".parquet") || name.endsWith(".metadata.json"));
        }

        Map<String, Long> expected = expectedCounts();
        String query = expected.keySet().stream()
                .map(table -> "SELECT '" + table + "' AS table_name, count(*) AS row_count FROM iceberg." + table)
                .collect(Collectors.joining(" UNION ALL ")) + " ORDER BY 1";
        ByteArrayOutputStream sqlOut = new ByteArrayOutputStream();
        String csv = run(sqlOut, new SqlCommand(printer(sqlOut), printer(new ByteArrayOutputStream())), query);

        Map<String, Long> counted = new LinkedHashMap<>();
        csv.lines().skip(1).map(line -> line.split(",")).forEach(cells -> counted.put(cells[0], Long.parseLong(cells[1])));
        assertThat(counted).isEqualTo(expected);
    }

    /** Bronze from the CSV files; silver and gold from the independent batch recomputation of the spec. */
    private static Map<String, Long> expectedCounts() throws Exception {
        Map<String, Long> expected = new LinkedHashMap<>();
        SeedFolders.rowCounts(SeedFolders.sample()).forEach((source, rows) -> expected.put("bronze." + source.sourceName(), rows));
        SeedData data = SeedData.read(SeedFolders.sample());
        SilverOracle silver = new SilverOracle(data);
        GoldOracle gold = new GoldOracle(data, silver);
        // Every deadline of the sample has passed once the demo closes the history (8 days after the last event).
        LocalDateTime afterEveryDeadline = LocalDateTime.of(2100, 1, 1, 0, 0);
        expected.put("silver.customer_sessions", (long) silver.customerSessions().size());
        expected.put("silver.payment_analysis", (long) silver.paymentAnalysis().size());
        expected.put("silver.customer_payment_profile", (long) silver.customerPaymentProfile().size());
        expected.put("silver.inventory_health", (long) silver.inventoryHealth().size());
        expected.put("silver.support_metrics", (long) silver.supportMetrics(afterEveryDeadline).size());
        expected.put("silver.sla_breaches", (long) silver.slaBreaches(afterEveryDeadline).size());
        expected.put("silver.agent_performance", (long) silver.agentPerformance().size());
        expected.put("gold.customer_summary", (long) gold.customerSummary().size());
        expected.put("gold.daily_metrics", (long) gold.dailyMetrics().size());
        expected.put("gold.product_summary", (long) gold.productSummary().size());
        return new TreeMap<>(expected);
    }

    private List<String> objectKeys() {
        try (S3Client client = S3Client.builder()
                .endpointOverride(URI.create(s3.endpoint()))
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("lakehouse-test", "x")))
                .build()) {
            return client.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix("it/")).contents().stream()
                    .map(S3Object::key).toList();
        }
    }

    private static PrintStream printer(ByteArrayOutputStream target) {
        return new PrintStream(target, true, StandardCharsets.UTF_8);
    }

    /** Runs a command on the S3 warehouse and returns what it printed, failing with its output when it fails. */
    private String run(ByteArrayOutputStream captured, Object command, String... arguments) {
        List<String> all = new ArrayList<>(List.of("--warehouse", WAREHOUSE, "--state-dir", stateDir.toString(),
                "--s3-endpoint", s3.endpoint(), "--s3-path-style-access", "--s3-credentials-file", credentials.toString()));
        all.addAll(List.of(arguments));
        int exit = new CommandLine(command).execute(all.toArray(String[]::new));
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(text).isZero();
        return text;
    }
}
