package dev.lakehouse.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakehouse.bronze.BronzeJobConfig;
import dev.lakehouse.maintenance.MaintainedTable;
import dev.lakehouse.maintenance.MaintenanceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.iceberg.catalog.TableIdentifier;
import org.rocksdb.CompressionType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The job jar's program arguments, as a user types them in the dashboard. */
class LakehouseJobTest {

    @Test
    void defaultsAreTheDocumentedOnes() throws Exception {
        BronzeJobConfig config = parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181").bronzeConfig();

        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.dedupTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(config.topicPrefix()).isEmpty();
        assertThat(config.consumerGroup()).isEqualTo("lakehouse");
        assertThat(config.catalog().uri()).isEqualTo("http://c:8181");
        assertThat(config.checkpointDirectory()).isNull();
        assertThat(config.maxWatermarkDrift()).isEqualTo(Duration.ofDays(1));
    }

    /** Tables written with deletes are compacted three times as often as append-only ones, unless told otherwise. */
    @Test
    void maintenanceCompactsTablesWithDeletesMoreOften() {
        MaintainedTable upserted = MaintainedTable.withDeletes(TableIdentifier.of("gold", "customer_summary"));
        MaintainedTable appended = MaintainedTable.appendOnly(TableIdentifier.of("bronze", "customer_events"));

        MaintenanceSettings defaults = parse("--job", "maintenance", "--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181")
                .maintenanceSettings();
        assertThat(defaults.compactAfterCommits(upserted)).isEqualTo(10);
        assertThat(defaults.compactAfterCommits(appended)).isEqualTo(30);

        MaintenanceSettings given = parse("--job", "maintenance", "--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181",
                "--compact-after-commits", "4", "--compact-append-only-after-commits", "7").maintenanceSettings();
        assertThat(given.compactAfterCommits(upserted)).isEqualTo(4);
        assertThat(given.compactAfterCommits(appended)).isEqualTo(7);
    }

    @Test
    void aNegativeWatermarkDriftIsRefusedAndZeroTurnsAlignmentOff() throws Exception {
        assertThatThrownBy(() -> parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181", "--max-watermark-drift", "-1s")
                .bronzeConfig()).hasMessageContaining("drift");
        assertThat(parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181", "--max-watermark-drift", "0")
                .bronzeConfig().maxWatermarkDrift()).isZero();
    }

    @Test
    void readsDurationsKafkaPropertiesFileAndCatalogProperties(@TempDir Path dir) throws Exception {
        Path kafka = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");

        BronzeJobConfig config = parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181",
                "--checkpoint-interval", "2 s", "--dedup-ttl", "1h", "--kafka-properties", kafka.toString(),
                "--catalog-property", "io-impl=org.apache.iceberg.aws.s3.S3FileIO", "--checkpoint-dir", "file:///cp",
                "--topic-prefix", "lh.").bronzeConfig();

        assertThat(config.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.dedupTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(config.kafkaProperties()).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "PLAIN");
        assertThat(config.catalog().properties()).containsEntry("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        assertThat(config.topicPrefix()).isEqualTo("lh.");

        Configuration checkpointing = LakehouseJob.checkpointing(config);
        assertThat(checkpointing.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(2));
        assertThat(checkpointing.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///cp");
        assertThat(checkpointing.get(org.apache.flink.configuration.StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(checkpointing.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(checkpointing.get(RocksDBConfigurableOptions.USE_BLOOM_FILTER)).isTrue();
        assertThat(checkpointing.get(RocksDBConfigurableOptions.COMPRESSION_PER_LEVEL)).containsOnly(CompressionType.NO_COMPRESSION);
    }

    @Test
    void objectStorageOptionsBecomeS3FileIoPropertiesWithTheKeysFromAFile(@TempDir Path dir) throws Exception {
        Path keys = Files.writeString(dir.resolve("s3.properties"), "access-key-id=minio\nsecret-access-key=minio-secret\n");

        BronzeJobConfig config = parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181",
                "--s3-endpoint", "http://minio:9000", "--s3-path-style-access", "--s3-credentials-file", keys.toString(),
                "--catalog-property", "s3.path-style-access=false").bronzeConfig();

        assertThat(config.catalog().properties())
                .containsEntry("io-impl", "org.apache.iceberg.io.ResolvingFileIO")
                .containsEntry("s3.endpoint", "http://minio:9000")
                .containsEntry("client.region", "us-east-1")
                .containsEntry("s3.access-key-id", "minio")
                .containsEntry("s3.secret-access-key", "minio-secret")
                // an explicit catalog property wins over the derived one
                .containsEntry("s3.path-style-access", "false");
    }

    @Test
    void noObjectStorageOptionsLeaveTheCatalogsOwnFileIo() throws Exception {
        BronzeJobConfig config = parse("--bootstrap-servers", "k:9092", "--catalog-uri", "http://c:8181").bronzeConfig();

        assertThat(config.catalog().properties()).doesNotContainKey("io-impl");
    }

    @Test
    void missingRequiredArgumentsFailWithTheirNames() {
        assertThatThrownBy(() -> LakehouseJob.main(new String[] {"--bootstrap-servers", "k:9092"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid job arguments");
    }

    @Test
    void aZeroCheckpointIntervalIsRefused() {
        assertThatThrownBy(() -> parse("--bootstrap-servers", "k", "--catalog-uri", "http://c", "--checkpoint-interval", "0s").bronzeConfig())
                .hasMessageContaining("checkpoint interval must be positive");
    }

    private static LakehouseJob parse(String... args) {
        LakehouseJob job = new LakehouseJob();
        new CommandLine(job).parseArgs(args);
        return job;
    }
}
