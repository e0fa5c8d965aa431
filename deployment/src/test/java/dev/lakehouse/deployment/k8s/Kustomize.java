package dev.lakehouse.deployment.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization with the real kustomize: a {@code kustomize} binary on the PATH, else the one built into
 * {@code kubectl} ({@code kubectl kustomize}). It must be kustomize 5 (kubectl 1.27 or later): the manifests use
 * {@code labels} and {@code patches}, which older releases cannot read (Debian's kubectl 1.20 bundles kustomize 2).
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;
    private static final int REQUIRED_MAJOR = 5;
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.\\d+");

    private final List<String> command;

    private Kustomize(List<String> command) {
        this.command = command;
    }

    /** The kustomize found on the PATH; a clear failure when there is none. */
    static Kustomize onPath() {
        Optional<Path> kustomize = executable("kustomize");
        if (kustomize.isPresent()) {
            return checked(new Kustomize(List.of(kustomize.get().toString(), "build")),
                    run(List.of(kustomize.get().toString(), "version")));
        }
        Optional<Path> kubectl = executable("kubectl");
        if (kubectl.isPresent()) {
            // kubectl reports the kustomize it bundles as "Kustomize Version: v5.5.0" (absent before kubectl 1.24)
            return checked(new Kustomize(List.of(kubectl.get().toString(), "kustomize")),
                    run(List.of(kubectl.get().toString(), "version", "--client")).lines()
                            .filter(line -> line.startsWith("Kustomize Version:")).findFirst().orElse("(none reported: kubectl older than 1.24)"));
        }
        throw new AssertionError("Neither kustomize nor kubectl is on the PATH (" + System.getenv("PATH") + "): the k8s/ "
                + "manifests are checked by rendering them with the real kustomize. Install kubectl 1.27 or later "
                + "(it bundles kustomize v5) or kustomize v5 itself; see k8s/README.md.");
    }

    private static Kustomize checked(Kustomize kustomize, String reportedVersion) {
        Matcher version = VERSION.matcher(reportedVersion);
        if (!version.find() || Integer.parseInt(version.group(1)) < REQUIRED_MAJOR) {
            throw new AssertionError(kustomize + " is kustomize " + reportedVersion.strip() + "; the k8s/ manifests need "
                    + "kustomize v" + REQUIRED_MAJOR + " (kubectl 1.27 or later, or kustomize itself); see k8s/README.md.");
        }
        return kustomize;
    }

    /** The rendered multi-document YAML of the kustomization in {@code directory}. */
    String build(Path directory) {
        List<String> invocation = new ArrayList<>(command);
        invocation.add(directory.toString());
        return run(invocation);
    }

    /** The standard output of a command that must succeed in time. */
    private static String run(List<String> invocation) {
        try {
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(invocation).redirectError(stderr.toFile()).start();
                process.getOutputStream().close();
                // read stdout before waiting: a large rendering would otherwise fill the pipe and block kustomize
                String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", invocation) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", invocation) + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(stderr));
                }
                return rendered;
            } finally {
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", invocation), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", invocation), e);
        }
    }

    @Override
    public String toString() {
        return String.join(" ", command);
    }

    private static Optional<Path> executable(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
