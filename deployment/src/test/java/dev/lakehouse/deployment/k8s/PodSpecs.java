package dev.lakehouse.deployment.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkDeploymentSpec;

/** The pod specs of a rendering, wherever they sit: workloads and the FlinkDeployments' pod templates. */
final class PodSpecs {

    /** A pod spec and what holds it, e.g. {@code Deployment/trino-worker}. */
    record OwnedPodSpec(String owner, PodSpec spec) {

        Stream<Container> allContainers() {
            return Stream.concat(spec.getContainers().stream(), spec.getInitContainers().stream());
        }
    }

    private PodSpecs() {
    }

    static List<OwnedPodSpec> of(Rendering rendering) {
        List<OwnedPodSpec> specs = new ArrayList<>();
        rendering.all(Deployment.class).forEach(d -> specs.add(owned("Deployment/", d.getMetadata().getName(), d.getSpec().getTemplate())));
        rendering.all(StatefulSet.class).forEach(s -> specs.add(owned("StatefulSet/", s.getMetadata().getName(), s.getSpec().getTemplate())));
        rendering.all(Job.class).forEach(j -> specs.add(owned("Job/", j.getMetadata().getName(), j.getSpec().getTemplate())));
        rendering.all(FlinkDeployment.class).forEach(flink -> {
            FlinkDeploymentSpec spec = flink.getSpec();
            String name = flink.getMetadata().getName();
            Stream.of(owned("FlinkDeployment/", name, spec.getPodTemplate()),
                            spec.getJobManager() == null ? null : owned("FlinkDeployment/", name + " jobManager", spec.getJobManager().getPodTemplate()),
                            spec.getTaskManager() == null ? null : owned("FlinkDeployment/", name + " taskManager", spec.getTaskManager().getPodTemplate()))
                    .filter(Objects::nonNull).filter(owned -> owned.spec() != null).forEach(specs::add);
        });
        return specs;
    }

    private static OwnedPodSpec owned(String kind, String name, PodTemplateSpec template) {
        return new OwnedPodSpec(kind + name, template == null ? null : template.getSpec());
    }
}
