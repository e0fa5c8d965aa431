package dev.lakehouse.stack.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaRuntimesTest {
    @TempDir
    Path jvms;

    @Test
    void picksTheNewestRuntimeThatIsNewEnough() throws IOException {
        fakeJdk("java-17", "17.0.15");
        fakeJdk("temurin-24", "24.0.2");
        fakeJdk("temurin-25", "25.0.3");

        Optional<JavaRuntimes.JavaRuntime> found = JavaRuntimes.find(24, Optional.empty(), List.of(jvms));

        assertThat(found).map(JavaRuntimes.JavaRuntime::feature).contains(25);
        assertThat(found.get().home()).isEqualTo(jvms.resolve("temurin-25"));
    }

    @Test
    void findsNothingWhenEveryRuntimeIsTooOld() throws IOException {
        fakeJdk("java-17", "17.0.15");
        fakeJdk("java-8", "1.8.0_402");

        assertThat(JavaRuntimes.find(24, Optional.empty(), List.of(jvms))).isEmpty();
    }

    @Test
    void foldersWithoutReleaseFileOrJavaAreIgnored() throws IOException {
        Files.createDirectories(jvms.resolve("not-a-jdk/bin"));
        Path noJava = Files.createDirectories(jvms.resolve("no-java"));
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"25\"\n");

        assertThat(JavaRuntimes.find(17, Optional.empty(), List.of(jvms))).isEmpty();
    }

    @Test
    void aConfiguredRuntimeWinsAndMustBeNewEnough() throws IOException {
        Path old = fakeJdk("java-17", "17.0.15");
        Path chosen = fakeJdk("temurin-24", "24");
        fakeJdk("temurin-25", "25.0.3");

        assertThat(JavaRuntimes.find(24, Optional.of(chosen), List.of(jvms)).map(JavaRuntimes.JavaRuntime::home)).contains(chosen);
        assertThatThrownBy(() -> JavaRuntimes.find(24, Optional.of(old), List.of(jvms)))
                .hasMessageContaining("is Java 17; Trino needs Java 24 or newer");
        assertThatThrownBy(() -> JavaRuntimes.find(24, Optional.of(jvms.resolve("missing")), List.of()))
                .hasMessageContaining("is not a Java installation");
    }

    /** A folder shaped like a JDK: a release file and an executable bin/java. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jvms.resolve(name).resolve("release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"" + version + "+1\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jvms.resolve(name);
    }
}
