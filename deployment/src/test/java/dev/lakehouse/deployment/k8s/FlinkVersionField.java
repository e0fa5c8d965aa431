package dev.lakehouse.deployment.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;

/**
 * {@code spec.flinkVersion} of a FlinkDeployment, for a model older than the operator that runs it.
 *
 * <p>Maven Central holds the operator's API up to 1.10.0, whose {@link FlinkVersion} ends at {@code v1_20}; Flink 2.0
 * ({@code v2_0}) arrived with operator 1.11. A value the model knows is bound as usual. A well-formed newer one
 * ({@code vMAJOR_MINOR} past the model's last constant) is taken off the copy that is bound, and the tests compare it
 * with the Flink version the job is built against; anything else, a typo included, fails.
 */
final class FlinkVersionField {

    private static final Pattern VERSION = Pattern.compile("v(\\d+)_(\\d+)");

    /** The document to bind: itself, or a copy without a flinkVersion newer than the model. */
    JsonNode checkedAndRemoved(JsonNode flinkDeployment) {
        JsonNode value = flinkDeployment.path("spec").path("flinkVersion");
        if (value.isMissingNode() || known(value.asText())) {
            return flinkDeployment;
        }
        if (!newerThanModel(value.asText())) {
            throw new AssertionError("FlinkDeployment " + flinkDeployment.path("metadata").path("name").asText()
                    + ": flinkVersion " + value + " is no Flink version (known to the model: "
                    + Arrays.toString(FlinkVersion.values()) + ", or a newer vMAJOR_MINOR)");
        }
        ObjectNode copy = flinkDeployment.deepCopy();
        ((ObjectNode) copy.get("spec")).remove("flinkVersion");
        return copy;
    }

    /** The operator's name of a Flink release, e.g. {@code v2_0} for 2.0.1. */
    static String of(String flinkRelease) {
        String[] parts = flinkRelease.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }

    private static boolean known(String value) {
        return Arrays.stream(FlinkVersion.values()).anyMatch(version -> version.name().equals(value));
    }

    private static boolean newerThanModel(String value) {
        Matcher candidate = VERSION.matcher(value);
        Matcher newest = VERSION.matcher(FlinkVersion.current().name());
        if (!candidate.matches() || !newest.matches()) {
            return false;
        }
        int major = Integer.parseInt(candidate.group(1));
        int newestMajor = Integer.parseInt(newest.group(1));
        return major > newestMajor
                || major == newestMajor && Integer.parseInt(candidate.group(2)) > Integer.parseInt(newest.group(2));
    }
}
