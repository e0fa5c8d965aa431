package dev.lakehouse.iceberg;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * An S3 access key pair. Read from a properties file or the environment only, so it never appears on a command
 * line (visible to every user of the machine, and in Flink's dashboard) or in a log line: {@link #toString()} hides
 * the secret.
 */
public record S3Credentials(String accessKeyId, String secretAccessKey) implements Serializable {
    public static final String FILE_ACCESS_KEY_ID = "access-key-id";
    public static final String FILE_SECRET_ACCESS_KEY = "secret-access-key";
    public static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String ENV_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";

    public S3Credentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("an S3 access key needs both an access key id and a secret access key");
        }
    }

    /**
     * The key pair from {@code file} when given (keys {@value #FILE_ACCESS_KEY_ID} and {@value #FILE_SECRET_ACCESS_KEY}),
     * otherwise from {@value #ENV_ACCESS_KEY_ID} and {@value #ENV_SECRET_ACCESS_KEY}; empty when neither has one, which
     * leaves the AWS SDK's own chain (instance profile, web identity) to find credentials.
     */
    public static Optional<S3Credentials> resolve(Path file, Map<String, String> environment) {
        if (file != null) {
            Properties properties = load(file);
            String id = properties.getProperty(FILE_ACCESS_KEY_ID);
            String secret = properties.getProperty(FILE_SECRET_ACCESS_KEY);
            if (id == null || secret == null) {
                throw new IllegalArgumentException("S3 credentials file " + file + " must set both " + FILE_ACCESS_KEY_ID
                        + " and " + FILE_SECRET_ACCESS_KEY);
            }
            return Optional.of(new S3Credentials(id.trim(), secret.trim()));
        }
        String id = environment.get(ENV_ACCESS_KEY_ID);
        String secret = environment.get(ENV_SECRET_ACCESS_KEY);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(ENV_ACCESS_KEY_ID + " is set but " + ENV_SECRET_ACCESS_KEY + " is not");
        }
        return Optional.of(new S3Credentials(id, secret));
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read S3 credentials file " + file, e);
        }
        return properties;
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
}
