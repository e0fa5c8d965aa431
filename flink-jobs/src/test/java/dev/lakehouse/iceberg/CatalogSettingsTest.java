package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogSettingsTest {

    @Test
    void theClientNeverWaitsForeverForAnAnswer() {
        Map<String, String> client = CatalogSettings.rest("http://127.0.0.1:8181").clientProperties();

        assertThat(client)
                .containsEntry("uri", "http://127.0.0.1:8181")
                .containsEntry("rest.client.socket-timeout-ms", "60000")
                .containsEntry("rest.client.connection-timeout-ms", "10000");
    }

    @Test
    void timeoutsGivenByTheUserWin() {
        CatalogSettings settings = new CatalogSettings("http://127.0.0.1:8181", "lakehouse",
                Map.of("rest.client.socket-timeout-ms", "300000", "rest.client.connection-timeout-ms", "500"));

        assertThat(settings.clientProperties())
                .containsEntry("rest.client.socket-timeout-ms", "300000")
                .containsEntry("rest.client.connection-timeout-ms", "500");
    }
}
