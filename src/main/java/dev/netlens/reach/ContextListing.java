package dev.netlens.reach;

import java.util.List;

/**
 * The docker CLI's contexts, "default" first.
 *
 * @param store the config folder read (DOCKER_CONFIG, else ~/.docker)
 * @param problems one line per entry that could not be read (the others are still listed)
 */
public record ContextListing(String store, List<ContextEntry> contexts, List<String> problems) {
    public ContextListing {
        contexts = List.copyOf(contexts);
        problems = List.copyOf(problems);
    }
}
