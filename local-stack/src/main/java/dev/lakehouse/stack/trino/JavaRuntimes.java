package dev.lakehouse.stack.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime new enough for Trino (which needs a newer Java than the rest of the stack) among the usual
 * install locations, by reading each JDK's {@code release} file.
 */
public final class JavaRuntimes {
    /** Trino 476 refuses to start on anything older. */
    public static final int TRINO_MINIMUM_FEATURE = 24;
    /** Environment variable naming a JDK for Trino, when it is not in a usual place. */
    public static final String TRINO_JAVA_HOME_ENV = "TRINO_JAVA_HOME";

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)[^\"]*\"?\\s*$", Pattern.MULTILINE);

    private JavaRuntimes() {}

    /** A JDK or JRE folder and its feature version (17, 21, 25 …). */
    public record JavaRuntime(Path home, int feature) {
        public Path javaExecutable() {
            return home.resolve("bin").resolve("java");
        }
    }

    /**
     * The newest runtime with at least {@code minimumFeature}, preferring {@code configured} when given.
     *
     * @throws IllegalArgumentException when {@code configured} is not a Java runtime of that version
     */
    public static Optional<JavaRuntime> find(int minimumFeature, Optional<Path> configured, List<Path> searchRoots) {
        if (configured.isPresent()) {
            JavaRuntime runtime = inspect(configured.get()).orElseThrow(() -> new IllegalArgumentException(
                    configured.get() + " is not a Java installation (no bin/java and release file)"));
            if (runtime.feature() < minimumFeature) {
                throw new IllegalArgumentException(configured.get() + " is Java " + runtime.feature()
                        + "; Trino needs Java " + minimumFeature + " or newer");
            }
            return Optional.of(runtime);
        }
        return candidates(searchRoots).stream()
                .map(JavaRuntimes::inspect)
                .flatMap(Optional::stream)
                .filter(runtime -> runtime.feature() >= minimumFeature)
                .max(Comparator.comparingInt(JavaRuntime::feature));
    }

    /** Where JDKs usually live on Linux and macOS, plus JAVA_HOME and the running JVM. */
    public static List<Path> defaultSearchRoots() {
        List<Path> roots = new ArrayList<>();
        Optional.ofNullable(System.getenv(TRINO_JAVA_HOME_ENV)).map(Path::of).ifPresent(roots::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(roots::add);
        roots.add(Path.of(System.getProperty("java.home")));
        roots.add(Path.of("/usr/lib/jvm"));
        roots.add(Path.of("/opt/java"));
        roots.add(Path.of("/Library/Java/JavaVirtualMachines"));
        roots.add(Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"));
        return roots;
    }

    /** Each root is a runtime itself or a folder of runtimes (macOS keeps them under Contents/Home). */
    private static List<Path> candidates(List<Path> roots) {
        List<Path> candidates = new ArrayList<>();
        for (Path root : roots) {
            candidates.add(root);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.sorted().toList()) {
                    candidates.add(child);
                    candidates.add(child.resolve("Contents").resolve("Home"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates;
    }

    static Optional<JavaRuntime> inspect(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        try {
            Matcher matcher = JAVA_VERSION.matcher(Files.readString(release));
            if (!matcher.find()) {
                return Optional.empty();
            }
            int feature = Integer.parseInt(matcher.group(1));
            // Java 8 and older report 1.x
            return Optional.of(new JavaRuntime(home.toAbsolutePath().normalize(), feature == 1 ? 8 : feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
