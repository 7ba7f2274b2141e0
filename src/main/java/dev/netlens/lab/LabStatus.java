package dev.netlens.lab;

import java.util.List;

/** The classroom lab's objects on one engine (and, where local, the veth pair it made). */
public record LabStatus(String endpoint, List<LabObject> objects) {
    public LabStatus {
        objects = List.copyOf(objects);
    }

    public boolean empty() {
        return objects.isEmpty();
    }
}
