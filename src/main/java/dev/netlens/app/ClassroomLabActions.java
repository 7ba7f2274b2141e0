package dev.netlens.app;

import dev.netlens.lab.LabObject;
import dev.netlens.lab.LabOptions;
import dev.netlens.lab.LabReport;
import dev.netlens.lab.LabService;
import dev.netlens.ui.lab.LabActions;
import java.util.ArrayList;
import java.util.List;

/** The Lab menu's port filled with the classroom lab service, one connection per action. */
final class ClassroomLabActions implements LabActions {
    private final String endpoint;

    ClassroomLabActions(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public List<String> up(String image, Progress progress) throws Exception {
        try (LabService lab = LabService.connect(endpoint)) {
            return lines(lab.up(new LabOptions(image, List.of()), progress::step));
        }
    }

    @Override
    public String defaultImage() {
        return LabOptions.DEFAULT_IMAGE;
    }

    @Override
    public List<String> down(Progress progress) throws Exception {
        try (LabService lab = LabService.connect(endpoint)) {
            return lines(lab.down(progress::step));
        }
    }

    @Override
    public List<String> status() throws Exception {
        try (LabService lab = LabService.connect(endpoint)) {
            List<String> lines = new ArrayList<>();
            for (LabObject o : lab.status().objects()) {
                lines.add(o.toString());
            }
            return lines.isEmpty() ? List.of("no classroom lab objects on " + endpoint) : lines;
        }
    }

    @Override
    public String endpoint() {
        return endpoint;
    }

    private static List<String> lines(LabReport report) {
        List<String> lines = new ArrayList<>(report.done());
        report.skipped().forEach(s -> lines.add("skipped: " + s));
        return lines;
    }
}
