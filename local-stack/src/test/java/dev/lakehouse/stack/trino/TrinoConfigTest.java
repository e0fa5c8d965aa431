package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrinoConfigTest {
    private final Map<String, String> files =
            new TrinoConfig(18080, "http://127.0.0.1:8181", "2G", "1GB", Path.of("/data/trino")).files();

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

    private Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(files.get(file)));
        return properties;
    }
}
