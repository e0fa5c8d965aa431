package dev.lakehouse.deployment.compose;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-compose} (Compose v1): it validates and normalizes a compose file without a Docker engine,
 * which no machine of this project has.
 */
final class DockerComposeCli {

    static final String BINARY = "docker-compose";
    static final String INSTALL_HINT = BINARY + " was not found on the PATH. Install Debian's package, which validates "
            + "compose files without a Docker engine: `sudo apt-get install -y docker-compose` (.ci/run installs it in CI).";

    private final Path binary;

    private DockerComposeCli(Path binary) {
        this.binary = binary;
    }

    /** The binary on the PATH; fails the calling test (never skips it) when there is none. */
    static DockerComposeCli onPath() {
        return find().map(DockerComposeCli::new).orElseGet(() -> fail(INSTALL_HINT));
    }

    private static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, BINARY);
            if (!folder.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code docker-compose -f FILE config}: the file validated against the Compose schema, variables substituted,
     * relative paths resolved and env files read in. Variables the file lets users override are removed from the
     * environment, so what is checked is the file's documented defaults, not this machine's settings.
     */
    String config(Path composeFile, String... variablesToIgnore) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-f", composeFile.toString(), "config")
                .directory(composeFile.getParent().toFile());
        for (String variable : variablesToIgnore) {
            builder.environment().remove(variable);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String stdout = readAll(process.getInputStream());
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return fail(BINARY + " config did not finish within 2 minutes");
        }
        if (process.exitValue() != 0) {
            return fail(BINARY + " config rejected " + composeFile + " (exit " + process.exitValue() + "):\n" + stderr.join());
        }
        return stdout;
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
