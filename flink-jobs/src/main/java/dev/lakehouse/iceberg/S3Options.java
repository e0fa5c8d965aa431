package dev.lakehouse.iceberg;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The object-storage options shared by the job jar and the local stack's commands. Credentials have no option on
 * purpose: they come from a file or the environment (see {@link S3Credentials}).
 */
public final class S3Options {

    @Option(names = "--s3-endpoint", description = "S3 API endpoint of the object storage holding the tables, "
            + "e.g. http://127.0.0.1:9000 (default: AWS).")
    String endpoint;

    @Option(names = "--s3-region", description = "S3 region (default: " + S3Storage.DEFAULT_REGION + ").")
    String region;

    @Option(names = "--s3-path-style-access", description = "Address buckets as http://host/bucket (MinIO and most "
            + "self-hosted S3 servers need this).")
    boolean pathStyleAccess;

    @Option(names = "--s3-credentials-file", description = "Properties file with " + S3Credentials.FILE_ACCESS_KEY_ID
            + " and " + S3Credentials.FILE_SECRET_ACCESS_KEY + " (default: $" + S3Credentials.ENV_ACCESS_KEY_ID
            + " and $" + S3Credentials.ENV_SECRET_ACCESS_KEY + ").")
    Path credentialsFile;

    /** Whether any object-storage option was given. */
    public boolean given() {
        return endpoint != null || region != null || pathStyleAccess || credentialsFile != null;
    }

    /** The storage these options describe, with credentials resolved from the file or {@code environment}. */
    public S3Storage storage(Map<String, String> environment) {
        return new S3Storage(endpoint, region != null ? region : S3Storage.DEFAULT_REGION, pathStyleAccess,
                S3Credentials.resolve(credentialsFile, environment).orElse(null));
    }

    /** The storage when any option was given; empty otherwise. */
    public Optional<S3Storage> storageIfGiven(Map<String, String> environment) {
        return given() ? Optional.of(storage(environment)) : Optional.empty();
    }

    /** The credentials file, when the keys come from one rather than the environment. */
    public Optional<Path> credentialsFile() {
        return Optional.ofNullable(credentialsFile).map(file -> file.toAbsolutePath().normalize());
    }
}
