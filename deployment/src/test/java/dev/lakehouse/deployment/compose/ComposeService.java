package dev.lakehouse.deployment.compose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One service of a normalized compose configuration, with the settings the checks read.
 *
 * @param build the build context and Dockerfile, when the service builds its image
 * @param dependsOn each service it waits for, and the condition it waits for
 * @param exposed the container ports the service declares it listens on ({@code expose} and published targets)
 */
record ComposeService(String name, String image, Optional<Build> build, List<String> entrypoint, List<String> command,
        Map<String, String> environment, List<PublishedPort> ports, Set<Integer> exposed, List<Mount> mounts,
        Map<String, String> dependsOn, boolean hasHealthcheck, String restart) {

    /** A build section: the context folder and the Dockerfile's path. */
    record Build(Path context, Path dockerfile) {
    }

    static ComposeService from(String name, Map<String, Object> yaml) {
        List<PublishedPort> ports = list(yaml.get("ports")).stream().map(PublishedPort::parse).toList();
        Set<Integer> exposed = new TreeSet<>();
        list(yaml.get("expose")).forEach(port -> exposed.add(Integer.parseInt(String.valueOf(port).split("/")[0])));
        ports.forEach(port -> exposed.add(port.target()));
        Object healthcheck = yaml.get("healthcheck");
        boolean hasHealthcheck = healthcheck instanceof Map<?, ?> map && !Boolean.TRUE.equals(map.get("disable"));
        return new ComposeService(name, String.valueOf(yaml.getOrDefault("image", "")), build(yaml.get("build")),
                strings(yaml.get("entrypoint")), strings(yaml.get("command")), environment(yaml.get("environment")), ports,
                exposed, list(yaml.get("volumes")).stream().map(Mount::parse).toList(), dependsOn(yaml.get("depends_on")),
                hasHealthcheck, String.valueOf(yaml.getOrDefault("restart", "no")));
    }

    /** The program arguments after {@code marker} in the command, e.g. the job's arguments after its submit script. */
    Optional<List<String>> commandAfter(String marker) {
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).endsWith(marker)) {
                return Optional.of(command.subList(i + 1, command.size()));
            }
        }
        return Optional.empty();
    }

    /** The mount whose container path is {@code target}. */
    Optional<Mount> mountAt(String target) {
        return mounts.stream().filter(mount -> mount.target().equals(target)).findFirst();
    }

    private static Optional<Build> build(Object build) {
        if (build == null) {
            return Optional.empty();
        }
        if (build instanceof Map<?, ?> map) {
            Path context = Path.of(String.valueOf(map.get("context")));
            Object dockerfile = map.get("dockerfile");
            return Optional.of(new Build(context, context.resolve(dockerfile == null ? "Dockerfile" : String.valueOf(dockerfile))));
        }
        Path context = Path.of(String.valueOf(build));
        return Optional.of(new Build(context, context.resolve("Dockerfile")));
    }

    private static Map<String, String> dependsOn(Object dependsOn) {
        Map<String, String> result = new LinkedHashMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((service, settings) -> result.put(String.valueOf(service),
                    settings instanceof Map<?, ?> s ? String.valueOf(s.get("condition")) : "service_started"));
        } else {
            list(dependsOn).forEach(service -> result.put(String.valueOf(service), "service_started"));
        }
        return result;
    }

    private static Map<String, String> environment(Object environment) {
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else {
            for (Object entry : list(environment)) {
                String[] keyValue = String.valueOf(entry).split("=", 2);
                result.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
        }
        return result;
    }

    /** A command or entrypoint: a list stays as it is; a string is split on blanks, as Compose does without quotes. */
    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text.trim().split("\\s+"));
        }
        List<String> result = new ArrayList<>();
        list(value).forEach(item -> result.add(String.valueOf(item)));
        return List.copyOf(result);
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
