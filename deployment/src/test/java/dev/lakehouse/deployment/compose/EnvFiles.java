package dev.lakehouse.deployment.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code env_file} entries of a compose file, per service, with their documented defaults substituted.
 * Read from the file itself because Compose v1's {@code config} replaces them with the variables they hold.
 */
final class EnvFiles {

    /** {@code ${NAME}}, {@code ${NAME:-default}} and {@code ${NAME-default}}, as Compose substitutes them. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    private EnvFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<Path>> of(Path composeFile) throws IOException {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(composeFile));
        Map<String, Object> services = (Map<String, Object>) root.getOrDefault("services", Map.of());
        Map<String, List<Path>> result = new LinkedHashMap<>();
        services.forEach((name, definition) -> {
            Object envFile = ((Map<String, Object>) definition).get("env_file");
            List<Path> files = new ArrayList<>();
            for (Object entry : envFile instanceof List<?> list ? list : envFile == null ? List.of() : List.of(envFile)) {
                Object path = entry instanceof Map<?, ?> map ? map.get("path") : entry;
                files.add(composeFile.getParent().resolve(withDefaults(String.valueOf(path))).normalize());
            }
            result.put(name, List.copyOf(files));
        });
        return result;
    }

    /** The text with every variable replaced by its default; a variable without one cannot be checked. */
    static String withDefaults(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            if (matcher.group(2) == null) {
                throw new AssertionError("${" + matcher.group(1) + "} in \"" + text + "\" has no default for a local start");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(2)));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
