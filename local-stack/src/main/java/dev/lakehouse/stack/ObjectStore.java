package dev.lakehouse.stack;

import dev.lakehouse.iceberg.S3Storage;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tables on S3-compatible object storage instead of the local warehouse folder. The folder still keeps what is the
 * stack's own (catalog database, Kafka logs, checkpoints): only table data and metadata go to the bucket.
 *
 * @param location {@code s3://bucket/prefix}, the catalog's warehouse location
 * @param jobArguments the job jar's object-storage arguments for the same storage (never the keys themselves)
 */
public record ObjectStore(String location, S3Storage storage, List<String> jobArguments) {

    public ObjectStore {
        if (!isLocation(location)) {
            throw new IllegalArgumentException("an object-store warehouse is an s3://bucket/prefix URI, got " + location);
        }
        location = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        if (bucketOf(location).isEmpty()) {
            throw new IllegalArgumentException("the warehouse URI " + location + " names no bucket");
        }
        jobArguments = List.copyOf(jobArguments);
    }

    /**
     * The object store at {@code location}; the job reads its keys from {@code credentialsFile} when given, otherwise
     * from its own environment (the stack's, since the stack starts Flink).
     */
    public static ObjectStore of(String location, S3Storage storage, Optional<Path> credentialsFile) {
        List<String> arguments = new ArrayList<>(List.of("--s3-region", storage.region()));
        storage.endpointUrl().ifPresent(url -> arguments.addAll(List.of("--s3-endpoint", url)));
        if (storage.pathStyleAccess()) {
            arguments.add("--s3-path-style-access");
        }
        credentialsFile.ifPresent(file -> arguments.addAll(List.of("--s3-credentials-file", file.toString())));
        return new ObjectStore(location, storage, arguments);
    }

    public static boolean isLocation(String value) {
        return value != null && value.startsWith("s3://");
    }

    public String bucket() {
        return bucketOf(location);
    }

    /** Where the stack keeps its own state for this bucket and prefix, under {@code root}: one folder per warehouse. */
    public Path localStateUnder(Path root) {
        String prefix = URI.create(location).getPath();
        Path folder = root.resolve("s3").resolve(bucket());
        return prefix == null || prefix.isEmpty() || prefix.equals("/") ? folder : folder.resolve(prefix.substring(1));
    }

    private static String bucketOf(String location) {
        String host = URI.create(location).getHost();
        return host == null ? "" : host;
    }
}
