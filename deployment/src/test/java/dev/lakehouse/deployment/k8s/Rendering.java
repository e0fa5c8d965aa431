package dev.lakehouse.deployment.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One kustomization as kustomize renders it: every document, raw and read into its typed model. */
record Rendering(Path kustomization, List<Manifest> manifests) {

    /** One rendered document. */
    record Manifest(JsonNode raw, HasMetadata typed) {

        String describe() {
            return typed.getKind() + "/" + typed.getMetadata().getName();
        }
    }

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Reads kustomize's output; fails on the first document that does not fit its model. */
    static Rendering of(Path kustomization, String renderedYaml, StrictModels models) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(renderedYaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                manifests.add(new Manifest(document, models.read(document)));
            }
        } catch (IOException e) {
            throw new AssertionError("kustomize's output for " + kustomization + " is no YAML: " + e.getMessage(), e);
        }
        return new Rendering(kustomization, List.copyOf(manifests));
    }

    /** The typed resources of one model. */
    <T extends HasMetadata> Stream<T> all(Class<T> model) {
        return manifests.stream().map(Manifest::typed).filter(model::isInstance).map(model::cast);
    }

    /** The resources of one model, each with its raw document. */
    Stream<Manifest> manifestsOf(Class<? extends HasMetadata> model) {
        return manifests.stream().filter(manifest -> model.isInstance(manifest.typed()));
    }

    <T extends HasMetadata> Optional<T> named(Class<T> model, String name) {
        return all(model).filter(resource -> resource.getMetadata().getName().equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return kustomization.toString();
    }
}
