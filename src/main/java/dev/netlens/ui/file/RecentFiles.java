package dev.netlens.ui.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The snapshot files opened lately, newest first, and the folder pictures go to; kept in user preferences. */
public final class RecentFiles {
    static final int MAX = 8;
    private static final String KEY = "recent.";
    private static final String PICTURES = "pictures.folder";
    private final Preferences prefs;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get(KEY + i, null);
            if (p != null) {
                files.add(Path.of(p));
            }
        }
    }

    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("dev/netlens"));
    }

    public void add(Path file) {
        Path p = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        while (next.size() > MAX) {
            next.remove(next.size() - 1);
        }
        files.setAll(next);
        for (int i = 0; i < MAX; i++) {
            if (i < next.size()) {
                prefs.put(KEY + i, next.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }

    public ObservableList<Path> files() {
        return FXCollections.unmodifiableObservableList(files);
    }

    /** The node these (and the window's other remembered settings) are kept in. */
    public Preferences preferences() {
        return prefs;
    }

    public Path picturesFolder() {
        return Path.of(prefs.get(PICTURES, System.getProperty("user.home")));
    }

    public void setPicturesFolder(Path folder) {
        prefs.put(PICTURES, folder.toAbsolutePath().toString());
    }
}
