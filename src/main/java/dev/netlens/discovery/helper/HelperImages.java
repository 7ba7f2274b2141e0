package dev.netlens.discovery.helper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which image the helper runs: one the engine already has (the helper never pulls). The one the user
 * named, else the first of busybox, alpine, debian, ubuntu found: each has a shell, and either
 * busybox's nsenter or util-linux's.
 */
public final class HelperImages {
    /** In order of preference: the smallest first. */
    static final List<String> KNOWN = List.of("busybox", "alpine", "debian", "ubuntu");

    private HelperImages() {
    }

    /**
     * @param images the engine's {@code /images/json}
     * @param named the image the user named, or null
     * @return the image reference to run, or empty when none fits
     */
    public static Optional<String> choose(JsonNode images, String named) {
        List<String> tags = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode image : images) {
            image.path("RepoTags").forEach(t -> tags.add(t.asText()));
            ids.add(image.path("Id").asText());
        }
        if (named != null && !named.isBlank()) {
            String wanted = named.strip();
            if (tags.contains(wanted)) {
                return Optional.of(wanted);
            }
            if (!wanted.contains(":") && tags.contains(wanted + ":latest")) {
                return Optional.of(wanted + ":latest");
            }
            String id = wanted.startsWith("sha256:") ? wanted : "sha256:" + wanted;
            return wanted.length() >= 12 && ids.stream().anyMatch(i -> i.startsWith(id)) ? Optional.of(wanted) : Optional.empty();
        }
        for (String kind : KNOWN) {
            for (String tag : tags) {
                if (kind.equals(repositoryName(tag))) {
                    return Optional.of(tag);
                }
            }
        }
        return Optional.empty();
    }

    /** {@code registry:5000/team/busybox:1.36} gives {@code busybox}. */
    static String repositoryName(String tag) {
        String repository = tag;
        int slash = repository.lastIndexOf('/');
        int colon = repository.lastIndexOf(':');
        if (colon > slash) {
            repository = repository.substring(0, colon);
        }
        return repository.substring(repository.lastIndexOf('/') + 1);
    }
}
