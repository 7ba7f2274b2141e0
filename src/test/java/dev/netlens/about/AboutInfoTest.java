package dev.netlens.about;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AboutInfoTest {
    private final Map<String, String> bundled = AboutInfo.bundled(AboutInfo.lines(AboutInfo.LIBRARIES));
    private final Map<String, String[]> licences = AboutInfo.licences(AboutInfo.lines(AboutInfo.LICENCES));

    @Test
    void theBuildListsTheBundledLibraries() {
        assertTrue(bundled.size() > 20, "bundled-libraries.txt written by maven-dependency-plugin: " + bundled.keySet());
        assertEquals("4.7.7", bundled.get("info.picocli:picocli"));
        assertTrue(bundled.containsKey("org.openjfx:javafx-graphics"));
        assertFalse(bundled.containsKey("org.junit.jupiter:junit-jupiter"), "test libraries are not bundled");
    }

    @Test
    void everyBundledLibraryHasALicenceAndNoEntryIsStale() {
        Set<String> missing = new TreeSet<>(bundled.keySet());
        missing.removeAll(licences.keySet());
        assertEquals(Set.of(), missing, "add these to src/main/resources/dev/netlens/about/licenses.tsv");
        Set<String> stale = new TreeSet<>(licences.keySet());
        stale.removeAll(bundled.keySet());
        stale.remove(AboutInfo.RUNTIME);
        assertEquals(Set.of(), stale, "no longer bundled: remove from licenses.tsv");
        licences.values().forEach(l -> assertTrue(!l[1].isBlank() && l[2].startsWith("https://"), String.join(" ", l)));
    }

    @Test
    void aboutListsVersionLibrariesAndTheRuntime() {
        AboutInfo about = AboutInfo.load();
        assertEquals("Netlens", about.name());
        assertFalse(about.version().isBlank());
        List<Library> libs = about.libraries();
        assertEquals(bundled.size() + 1, libs.size());
        assertTrue(libs.stream().noneMatch(l -> l.licence().equals(AboutInfo.UNKNOWN)));
        Library runtime = libs.get(libs.size() - 1);
        assertEquals("openjdk:runtime", runtime.coordinates());
        assertEquals(System.getProperty("java.version"), runtime.version());
        assertTrue(libs.stream().anyMatch(l -> l.coordinates().equals("org.openjfx:javafx-controls")
                && l.licence().contains("Classpath-exception")));
    }
}
