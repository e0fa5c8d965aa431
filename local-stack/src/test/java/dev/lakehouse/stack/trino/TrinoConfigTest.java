package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakehouse.iceberg.S3Credentials;
import dev.lakehouse.iceberg.S3Storage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrinoConfigTest {
    private final Map<String, String> files =
            new TrinoConfig(18080, "http://127.0.0.1:8181", "2G", "1GB", Path.of("/data/trino"), Optional.empty()).files();

    @Test
    void everyListenerAndAdvertisedAddressIsLoopback() throws IOException {
        Properties node = properties("node.properties");
        Properties config = properties("config.properties");

        assertThat(node).containsEntry("node.bind-ip", "127.0.0.1").containsEntry("node.internal-address", "127.0.0.1");
        assertThat(config).containsEntry("http-server.http.port", "18080")
                .containsEntry("discovery.uri", "http://127.0.0.1:18080");
    }

    @Test
    void aSingleNodeWithBoundedMemory() throws IOException {
        assertThat(properties("config.properties"))
                .containsEntry("coordinator", "true")
                .containsEntry("node-scheduler.include-coordinator", "true")
                .containsEntry("query.max-memory", "1GB")
                .containsEntry("query.max-memory-per-node", "1GB");
        assertThat(files.get("jvm.config").lines()).contains("-Xmx2G", "--enable-native-access=ALL-UNNAMED",
                "-Djava.io.tmpdir=/data/trino/tmp");
    }

    @Test
    void theIcebergCatalogReadsTheRestCatalogAndLocalFiles() throws IOException {
        assertThat(properties("catalog/iceberg.properties"))
                .containsEntry("connector.name", "iceberg")
                .containsEntry("iceberg.catalog.type", "rest")
                .containsEntry("iceberg.rest-catalog.uri", "http://127.0.0.1:8181")
                .containsEntry("fs.native-local.enabled", "true")
                // exactly "/": a warehouse path here would be prefixed to the file:/// locations a second time
                .containsEntry("local.location", "/");
    }

    @Test
    void onObjectStorageTheCatalogUsesNativeS3WithTheKeysOnlyInTheEnvironment() throws IOException {
        TrinoConfig config = new TrinoConfig(18080, "http://127.0.0.1:8181", "2G", "1GB", Path.of("/data/trino"),
                Optional.of(new S3Storage("http://127.0.0.1:9000", "us-east-1", true, new S3Credentials("key-id", "key-secret"))));

        String catalogFile = config.files().get("catalog/iceberg.properties");
        assertThat(load(catalogFile))
                .containsEntry("fs.native-s3.enabled", "true")
                .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("s3.region", "us-east-1")
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("s3.aws-access-key", "${ENV:LAKEHOUSE_S3_ACCESS_KEY_ID}")
                .containsEntry("s3.aws-secret-key", "${ENV:LAKEHOUSE_S3_SECRET_ACCESS_KEY}");
        assertThat(config.files().values()).noneMatch(content -> content.contains("key-secret"));
        assertThat(config.environment()).containsEntry("LAKEHOUSE_S3_ACCESS_KEY_ID", "key-id")
                .containsEntry("LAKEHOUSE_S3_SECRET_ACCESS_KEY", "key-secret");
    }

    private Properties properties(String file) throws IOException {
        return load(files.get(file));
    }

    private static Properties load(String content) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(content));
        return properties;
    }
}
