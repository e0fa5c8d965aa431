package dev.lakehouse.deployment.compose;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A volume entry of a service: a bind mount of a host path, or a (named) volume.
 *
 * @param source a host path for a bind mount, a volume name otherwise
 */
record Mount(boolean bind, String source, String target, boolean readOnly) {

    /** Compose v1 normalizes to {@code SOURCE:TARGET[:MODE]} with absolute host paths, v2 to a map: both are accepted. */
    static Mount parse(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            return new Mount("bind".equals(map.get("type")), String.valueOf(map.get("source")), String.valueOf(map.get("target")),
                    Boolean.TRUE.equals(map.get("read_only")));
        }
        String[] parts = String.valueOf(entry).split(":");
        if (parts.length < 2) {
            throw new IllegalArgumentException("an anonymous volume has no source to check: " + entry);
        }
        boolean bind = parts[0].startsWith("/") || parts[0].startsWith(".");
        return new Mount(bind, parts[0], parts[1], parts.length > 2 && parts[2].contains("ro"));
    }

    Optional<Path> hostPath() {
        return bind ? Optional.of(Path.of(source)) : Optional.empty();
    }
}
