package dev.lakehouse.deployment.k8s;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Finds every non-empty {@code additionalProperties} map in a model's object graph: where the fabric8, Strimzi and
 * Flink operator models keep fields they do not know.
 */
final class AdditionalProperties {

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.", "io.strimzi.", "org.apache.flink.kubernetes.");

    private AdditionalProperties() {
    }

    /** The paths of the non-empty maps, each with its keys; empty when the graph holds none. */
    static List<String> nonEmptyIn(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "." + key, found, seen));
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", found, seen);
            }
        } else if (value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            for (int index = 0; index < Array.getLength(value); index++) {
                walk(Array.get(value, index), path + "[" + index + "]", found, seen);
            }
        } else if (isModel(value.getClass())) {
            walkFields(value, path, found, seen);
        }
    }

    private static void walkFields(Object model, String path, List<String> found, Set<Object> seen) {
        for (Class<?> type = model.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value;
                try {
                    value = field.get(model);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
                if (field.getName().equals("additionalProperties") && value instanceof Map<?, ?> extra) {
                    if (!extra.isEmpty()) {
                        found.add((path.isEmpty() ? "." : path) + " " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + field.getName(), found, seen);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return !type.isEnum() && MODEL_PACKAGES.stream().anyMatch(type.getName()::startsWith);
    }
}
