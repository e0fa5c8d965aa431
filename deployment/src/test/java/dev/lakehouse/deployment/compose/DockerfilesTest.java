package dev.lakehouse.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles take the jars `mvn package` leaves in their module's target/: their names must follow the modules'
 * artifact ids, the project version and the shade classifiers, and the Flink image must be the Flink the jobs are
 * built against.
 */
class DockerfilesTest {

    static final Path REPOSITORY = DockerComposeTest.REPOSITORY;
    private static final Pattern COPY_JAR = Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(target/\\S+\\.jar)\\s+(\\S+)$");

    @Test
    void theJobImageIsTheFlinkTheJobsAreBuiltAgainstWithTheShadedJobJar() throws IOException {
        String flinkVersion = PomFile.of(REPOSITORY.resolve("pom.xml")).property("flink.version");
        String dockerfile = Files.readString(REPOSITORY.resolve("flink-jobs/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM flink:" + Pattern.quote(flinkVersion) + "-java17$");
        assertThat(dockerfile).as("the S3 plugin of the same Flink")
                .contains("ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-" + flinkVersion + ".jar");
        assertThat(copiedJar(dockerfile)).isEqualTo(shadedJar("flink-jobs"));
        assertThat(copyTarget(dockerfile)).startsWith("/opt/flink/usrlib/");
    }

    @Test
    void theProducerImageRunsTheExecutableProducerJar() throws IOException {
        String dockerfile = Files.readString(REPOSITORY.resolve("producers/Dockerfile"));
        assertThat(copiedJar(dockerfile)).isEqualTo(shadedJar("producers"));
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-jar\", \"" + copyTarget(dockerfile) + "\"]");
    }

    @Test
    void theBuildContextsLetTheJarsThroughTheirDockerignore() throws IOException {
        for (String module : List.of("flink-jobs", "producers")) {
            List<String> ignore = Files.readAllLines(REPOSITORY.resolve(module).resolve(".dockerignore"));
            String jar = shadedJar(module);
            assertThat(ignore).as(module + "/.dockerignore").anySatisfy(line ->
                    assertThat(line.startsWith("!") && jar.matches(line.substring(1).replace(".", "\\.").replace("*", "[^/]*")))
                            .as(line + " lets " + jar + " through").isTrue());
        }
    }

    /** {@code target/ARTIFACT-VERSION-CLASSIFIER.jar}, as the module's shade plugin attaches it. */
    private static String shadedJar(String module) throws IOException {
        PomFile pom = PomFile.of(REPOSITORY.resolve(module).resolve("pom.xml"));
        String version = PomFile.of(REPOSITORY.resolve("pom.xml")).text("version");
        return "target/" + pom.text("artifactId") + "-" + version + "-" + pom.text("shadedClassifierName") + ".jar";
    }

    private static String copiedJar(String dockerfile) {
        return copyJar(dockerfile).group(1);
    }

    private static String copyTarget(String dockerfile) {
        return copyJar(dockerfile).group(2);
    }

    private static Matcher copyJar(String dockerfile) {
        Matcher matcher = COPY_JAR.matcher(dockerfile);
        assertThat(matcher.find()).as("a COPY of a jar from target/ in\n" + dockerfile).isTrue();
        return matcher;
    }
}
