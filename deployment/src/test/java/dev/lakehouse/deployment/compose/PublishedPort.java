package dev.lakehouse.deployment.compose;

import java.util.Map;

/**
 * A container port published on the host.
 *
 * @param hostIp the host address it is bound to; empty means every interface
 */
record PublishedPort(String hostIp, String published, int target) {

    /** Compose v1 normalizes to {@code [HOST_IP:]PUBLISHED:TARGET[/PROTOCOL]}, v2 to a map: both are accepted. */
    static PublishedPort parse(Object entry) {
        if (entry instanceof Map<?, ?> map) {
            Object hostIp = map.get("host_ip");
            Object published = map.get("published");
            return new PublishedPort(hostIp == null ? "" : String.valueOf(hostIp), published == null ? "" : String.valueOf(published),
                    Integer.parseInt(String.valueOf(map.get("target"))));
        }
        String text = String.valueOf(entry);
        int slash = text.indexOf('/');
        String[] parts = (slash < 0 ? text : text.substring(0, slash)).split(":");
        return switch (parts.length) {
            case 1 -> new PublishedPort("", "", Integer.parseInt(parts[0]));
            case 2 -> new PublishedPort("", parts[0], Integer.parseInt(parts[1]));
            case 3 -> new PublishedPort(parts[0], parts[1], Integer.parseInt(parts[2]));
            default -> throw new IllegalArgumentException("not a port mapping: " + text);
        };
    }
}
