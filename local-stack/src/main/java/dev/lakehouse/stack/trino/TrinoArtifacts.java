package dev.lakehouse.stack.trino;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the build left the Trino server tarball and CLI: Maven resolves them into its repository (downloaded once,
 * reused by every later build) and records the paths in {@value #RESOURCE}.
 *
 * @param version the Trino version, e.g. {@code 476}
 * @param serverTarball {@code trino-server-<version>.tar.gz} in the Maven repository
 * @param cliJar the executable {@code trino-cli} jar
 */
public record TrinoArtifacts(String version, Path serverTarball, Path cliJar) {
    static final String RESOURCE = "/lakehouse-trino.properties";
    /** Overrides for a tarball or CLI that lives elsewhere (an offline mirror, a shared cache). */
    public static final String TARBALL_PROPERTY = "lakehouse.trino.tarball";
    public static final String CLI_PROPERTY = "lakehouse.trino.cli";

    public static TrinoArtifacts fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = TrinoArtifacts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath: build the project with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TrinoArtifacts(
                properties.getProperty("trino.version"),
                Path.of(System.getProperty(TARBALL_PROPERTY, properties.getProperty("trino.server.tarball"))),
                Path.of(System.getProperty(CLI_PROPERTY, properties.getProperty("trino.cli.jar"))));
    }

    /** @throws IllegalStateException naming the missing file and how to get it */
    public TrinoArtifacts requirePresent() {
        requireFile(serverTarball, "io.trino:trino-server:" + version + ":tar.gz");
        requireFile(cliJar, "io.trino:trino-cli:" + version + ":jar:executable");
        return this;
    }

    private static void requireFile(Path file, String coordinates) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Trino artifact " + coordinates + " not found at " + file
                    + ": run `mvn -pl local-stack -am package` once to download it into the Maven repository");
        }
    }
}
