package dev.lakehouse.deployment.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;

/** ConfigMap object-storage of a rendering: where tables, checkpoints and savepoints live. */
record ObjectStorage(String endpoint, String region, boolean pathStyleAccess, String bucket) {

    static final String CONFIG_MAP = "object-storage";

    static ObjectStorage of(Rendering rendering) {
        Map<String, String> data = rendering.named(ConfigMap.class, CONFIG_MAP)
                .orElseThrow(() -> new AssertionError(rendering + " has no ConfigMap " + CONFIG_MAP)).getData();
        return new ObjectStorage(data.get("S3_ENDPOINT"), data.get("S3_REGION"),
                Boolean.parseBoolean(data.get("S3_PATH_STYLE_ACCESS")), data.get("BUCKET"));
    }
}
