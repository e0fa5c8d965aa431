package dev.lakehouse.stack.trino;

import dev.lakehouse.stack.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Trino server installation extracted from the release tarball, once, into a folder beside the tarball in the
 * Maven repository, so every later stack, test and CI run reuses it.
 *
 * <p>The tarball hard-links identical jars between plugin folders, so extracting only some plugins breaks the
 * links: the whole archive is extracted with {@code tar}, then every plugin the lakehouse does not use is deleted
 * (896 MB → about 500 MB).
 */
public final class TrinoDistribution {
    /** The only connector the lakehouse queries. */
    static final Set<String> KEPT_PLUGINS = Set.of("iceberg");
    private static final String COMPLETE_MARKER = ".lakehouse-extracted";

    private final Path home;

    private TrinoDistribution(Path home) {
        this.home = home;
    }

    /** The installation folder: {@code bin/launcher}, {@code lib/}, {@code plugin/}. */
    public Path home() {
        return home;
    }

    public Path launcher() {
        return home.resolve("bin").resolve("launcher");
    }

    /** Extracts the tarball unless an earlier run did; safe when several processes race for it. */
    public static TrinoDistribution prepare(TrinoArtifacts artifacts, Consumer<String> progress) {
        artifacts.requirePresent();
        Path cacheDir = artifacts.serverTarball().getParent();
        Path home = cacheDir.resolve("trino-server-" + artifacts.version() + "-lakehouse");
        if (Files.exists(home.resolve(COMPLETE_MARKER))) {
            return new TrinoDistribution(home);
        }
        try (FileChannel lockFile = FileChannel.open(cacheDir.resolve(".lakehouse-extract.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            if (!Files.exists(home.resolve(COMPLETE_MARKER))) {
                progress.accept("Extracting Trino " + artifacts.version() + " once into " + home + " …");
                extract(artifacts, home);
            }
            return new TrinoDistribution(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + artifacts.serverTarball(), e);
        }
    }

    private static void extract(TrinoArtifacts artifacts, Path home) throws IOException {
        Path staging = Files.createTempDirectory(home.getParent(), ".trino-extract-");
        try {
            run(new ProcessBuilder("tar", "-xzf", artifacts.serverTarball().toString(), "-C", staging.toString()));
            Path extracted = staging.resolve("trino-server-" + artifacts.version());
            try (Stream<Path> plugins = Files.list(extracted.resolve("plugin"))) {
                for (Path plugin : plugins.toList()) {
                    if (!KEPT_PLUGINS.contains(plugin.getFileName().toString())) {
                        Folders.deleteRecursively(plugin);
                    }
                }
            }
            Files.writeString(extracted.resolve(COMPLETE_MARKER), artifacts.serverTarball() + "\n");
            Folders.deleteRecursively(home);
            Files.move(extracted, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Folders.deleteRecursively(staging);
        }
    }

    private static void run(ProcessBuilder command) throws IOException {
        Process process = command.redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command.command()) + " failed:\n" + new String(output));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting Trino", e);
        }
    }

}
