package dev.lakehouse.deployment.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.Set;
import java.util.TreeSet;

/** The names of the Secrets and ConfigMaps the pods of a rendering read. */
record References(Set<String> secrets, Set<String> configMaps) {

    static References of(Rendering rendering) {
        Set<String> secrets = new TreeSet<>();
        Set<String> configMaps = new TreeSet<>();
        for (PodSpecs.OwnedPodSpec pod : PodSpecs.of(rendering)) {
            for (Volume volume : pod.spec().getVolumes()) {
                if (volume.getSecret() != null) {
                    secrets.add(volume.getSecret().getSecretName());
                }
                if (volume.getConfigMap() != null) {
                    configMaps.add(volume.getConfigMap().getName());
                }
            }
            pod.allContainers().forEach(container -> collect(container, secrets, configMaps));
        }
        return new References(secrets, configMaps);
    }

    private static void collect(Container container, Set<String> secrets, Set<String> configMaps) {
        for (EnvVar env : container.getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                secrets.add(env.getValueFrom().getSecretKeyRef().getName());
            }
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                configMaps.add(env.getValueFrom().getConfigMapKeyRef().getName());
            }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getSecretRef() != null) {
                secrets.add(source.getSecretRef().getName());
            }
            if (source.getConfigMapRef() != null) {
                configMaps.add(source.getConfigMapRef().getName());
            }
        }
    }
}
