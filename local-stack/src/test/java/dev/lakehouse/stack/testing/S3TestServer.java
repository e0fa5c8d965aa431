package dev.lakehouse.stack.testing;

import dev.lakehouse.stack.kafka.LoopbackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3 API server for tests: Adobe's S3Mock from Maven Central, run from its executable jar in a JVM of its own
 * (it is a Spring Boot application whose libraries clash with the stack's). Plain HTTP on a free port, one bucket,
 * files in a temporary folder removed on {@link #close()}. It accepts any access key. S3Mock has no bind-address
 * setting for its HTTP connector, so unlike the stack's own servers it listens on every interface, for the test only.
 */
public final class S3TestServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path root;
    private final Path log;
    private final int port;

    private S3TestServer(Process process, Path root, Path log, int port) {
        this.process = process;
        this.root = root;
        this.log = log;
        this.port = port;
    }

    public static S3TestServer start(String bucket) throws IOException {
        Path jar = Path.of(System.getProperty("lakehouse.s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock's executable jar is missing at " + jar
                    + ": Maven copies it in the pre-integration-test phase (mvn verify)");
        }
        Path root = Files.createTempDirectory("lakehouse-s3");
        Path log = root.resolveSibling(root.getFileName() + ".log");
        int port = LoopbackPorts.resolve(0);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.address=127.0.0.1",
                "--server.port=0", // the HTTPS connector, unused
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
                "--com.adobe.testing.s3mock.store.root=" + root.resolve("data"),
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        S3TestServer server = new S3TestServer(process, root, log, port);
        try {
            server.awaitBucket(bucket);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}, for path-style access. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitBucket(String bucket) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest headBucket = HttpRequest.newBuilder(URI.create(endpoint() + "/" + bucket))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build();
        Poll.until(START_TIMEOUT, "S3Mock to serve bucket " + bucket + " on " + endpoint() + " (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(headBucket, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        TempDirs.deleteRecursively(root);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in the temp folder is harmless
        }
    }
}
