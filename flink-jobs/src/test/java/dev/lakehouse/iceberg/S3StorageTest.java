package dev.lakehouse.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3StorageTest {

    @Test
    void routesS3LocationsThroughS3FileIoWithEndpointRegionAndPathStyle() {
        S3Storage storage = new S3Storage("http://127.0.0.1:9000", "eu-west-1", true, new S3Credentials("id", "secret"));

        assertThat(storage.icebergProperties())
                .containsEntry("io-impl", "org.apache.iceberg.io.ResolvingFileIO")
                .containsEntry("s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("client.region", "eu-west-1")
                .containsEntry("s3.path-style-access", "true")
                .containsEntry("s3.access-key-id", "id")
                .containsEntry("s3.secret-access-key", "secret");
    }

    @Test
    void withoutEndpointOrKeysLeavesThemToTheAwsSdk() {
        S3Storage storage = new S3Storage(null, S3Storage.DEFAULT_REGION, false, null);

        assertThat(storage.icebergProperties()).doesNotContainKeys("s3.endpoint", "s3.access-key-id", "s3.secret-access-key");
    }

    @Test
    void rejectsAnEndpointThatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> new S3Storage("127.0.0.1:9000", "us-east-1", true, null))
                .hasMessageContaining("http:// or https://");
    }

    @Test
    void credentialsComeFromTheFileBeforeTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s3.properties"), "access-key-id=from-file\nsecret-access-key=file-secret\n");
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", "from-env", "AWS_SECRET_ACCESS_KEY", "env-secret");

        assertThat(S3Credentials.resolve(file, environment)).contains(new S3Credentials("from-file", "file-secret"));
        assertThat(S3Credentials.resolve(null, environment)).contains(new S3Credentials("from-env", "env-secret"));
        assertThat(S3Credentials.resolve(null, Map.of())).isEmpty();
    }

    @Test
    void anIncompleteKeyPairIsAnErrorNotASilentFallback(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s3.properties"), "access-key-id=only-the-id\n");

        assertThatThrownBy(() -> S3Credentials.resolve(file, Map.of())).hasMessageContaining("secret-access-key");
        assertThatThrownBy(() -> S3Credentials.resolve(null, Map.of("AWS_ACCESS_KEY_ID", "id")))
                .hasMessageContaining("AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void secretsNeverShowInToString() {
        S3Credentials credentials = new S3Credentials("id", "very-secret");
        CatalogSettings catalog = new CatalogSettings("http://c", "lakehouse",
                new S3Storage(null, "us-east-1", false, credentials).icebergProperties());

        assertThat(credentials.toString()).doesNotContain("very-secret");
        assertThat(new S3Storage(null, "us-east-1", false, credentials).toString()).doesNotContain("very-secret");
        assertThat(catalog.toString()).doesNotContain("very-secret").contains("s3.access-key-id=id");
    }
}
