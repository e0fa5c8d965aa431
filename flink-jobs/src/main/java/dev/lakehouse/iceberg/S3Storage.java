package dev.lakehouse.iceberg;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * S3-compatible object storage holding the tables (AWS S3, MinIO, any S3 API server), as Iceberg's S3FileIO reaches
 * it. The same settings drive the jobs, the local stack's catalog and Trino, so all three read and write one bucket.
 *
 * @param endpoint the S3 API endpoint, e.g. {@code http://127.0.0.1:9000}; null = AWS's regional endpoint
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what MinIO and
 *     most self-hosted servers need
 * @param credentials null = the AWS SDK's default chain (environment, instance profile, web identity)
 */
public record S3Storage(String endpoint, String region, boolean pathStyleAccess, S3Credentials credentials)
        implements Serializable {
    public static final String DEFAULT_REGION = "us-east-1";

    /** Iceberg's file IO that picks S3FileIO for s3:// locations and Hadoop's for file:// ones. */
    static final String RESOLVING_FILE_IO = "org.apache.iceberg.io.ResolvingFileIO";

    public S3Storage {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("an S3 region is required (any value for most S3-compatible servers)");
        }
        if (endpoint != null && !endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
            throw new IllegalArgumentException("the S3 endpoint must be an http:// or https:// URL, got " + endpoint);
        }
    }

    public Optional<String> endpointUrl() {
        return Optional.ofNullable(endpoint);
    }

    public Optional<S3Credentials> accessKey() {
        return Optional.ofNullable(credentials);
    }

    /** Iceberg catalog properties that route s3:// locations through S3FileIO with these settings. */
    public Map<String, String> icebergProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("io-impl", RESOLVING_FILE_IO);
        properties.put("client.region", region);
        properties.put("s3.path-style-access", Boolean.toString(pathStyleAccess));
        endpointUrl().ifPresent(url -> properties.put("s3.endpoint", url));
        accessKey().ifPresent(key -> {
            properties.put("s3.access-key-id", key.accessKeyId());
            properties.put("s3.secret-access-key", key.secretAccessKey());
        });
        return properties;
    }
}
