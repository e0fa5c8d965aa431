package dev.lakehouse.deployment.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every kustomization under the repository's {@code k8s/} folder, rendered once per test run (kustomize takes a
 * second or so per folder).
 */
final class Kustomizations {

    private static final Map<Path, Rendering> RENDERED = new ConcurrentHashMap<>();

    private Kustomizations() {
    }

    /** {@code k8s/} of this repository; the tests run in the deployment module's folder. */
    static Path root() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("k8s");
        if (!Files.isDirectory(root)) {
            throw new AssertionError("no k8s/ folder at " + root);
        }
        return root;
    }

    /** The folders holding a kustomization.yaml, relative to {@link #root()}: base, the overlays, replay. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            List<Path> folders = files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(file -> root().relativize(file.getParent())).sorted().toList();
            if (folders.isEmpty()) {
                throw new AssertionError("no kustomization.yaml under " + root());
            }
            return folders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rendering of one folder relative to {@link #root()}, e.g. {@code overlays/dev}. */
    static Rendering rendered(Path folder) {
        return RENDERED.computeIfAbsent(folder,
                key -> Rendering.of(key, Kustomize.onPath().build(root().resolve(key)), new StrictModels()));
    }

    static Rendering rendered(String folder) {
        return rendered(Path.of(folder));
    }
}
