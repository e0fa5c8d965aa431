package dev.lakehouse.deployment.compose;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The services of a compose configuration, as {@code docker-compose config} prints them. */
record ComposeConfig(Map<String, ComposeService> services) {

    @SuppressWarnings("unchecked")
    static ComposeConfig parse(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> services = (Map<String, Object>) root.getOrDefault("services", Map.of());
        Map<String, ComposeService> result = new LinkedHashMap<>();
        services.forEach((name, service) -> result.put(name, ComposeService.from(name, (Map<String, Object>) service)));
        return new ComposeConfig(result);
    }

    Optional<ComposeService> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The one service that matches; fails when none or several do, since the checks would then be ambiguous. */
    ComposeService single(String description, Predicate<ComposeService> filter) {
        var matching = services.values().stream().filter(filter).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one service that is " + description + ", found "
                    + matching.stream().map(ComposeService::name).toList());
        }
        return matching.get(0);
    }
}
