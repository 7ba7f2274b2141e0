package dev.netlens.about;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the About dialog shows: Netlens's version and every bundled library with its licence. The
 * library list is written by the build (maven-dependency-plugin, so it cannot drift from the pom);
 * licences come from a hand-kept table that a test keeps complete.
 */
public record AboutInfo(String name, String version, List<Library> libraries) {
    static final String LIBRARIES = "bundled-libraries.txt";
    static final String LICENCES = "licenses.tsv";
    static final String RUNTIME = "openjdk:runtime";
    static final String UNKNOWN = "unknown";
    // "   group:artifact:jar[:classifier]:version:scope -- module ..."
    private static final Pattern ENTRY = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):jar:(?:[^:\\s]+:)?([^:\\s]+):(?:compile|runtime)\\b.*");

    public AboutInfo {
        libraries = List.copyOf(libraries);
    }

    public static AboutInfo load() {
        String version = AboutInfo.class.getPackage().getImplementationVersion();
        Map<String, String[]> licences = licences(lines(LICENCES));
        List<Library> libraries = new ArrayList<>();
        for (Map.Entry<String, String> lib : bundled(lines(LIBRARIES)).entrySet()) {
            String[] coords = lib.getKey().split(":");
            String[] licence = licences.getOrDefault(lib.getKey(), new String[] {lib.getKey(), UNKNOWN, ""});
            libraries.add(new Library(coords[0], coords[1], lib.getValue(), licence[1], licence[2]));
        }
        // The jlink runtime ships in the installers too; with the plain jar it is the user's own Java.
        String[] jre = licences.getOrDefault(RUNTIME, new String[] {RUNTIME, UNKNOWN, ""});
        libraries.add(new Library("openjdk", "runtime", System.getProperty("java.version"), jre[1], jre[2]));
        return new AboutInfo("Netlens", version == null ? "development build" : version, libraries);
    }

    /** groupId:artifactId to version, once each (JavaFX lists an empty jar beside its platform jar). */
    static Map<String, String> bundled(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                out.putIfAbsent(m.group(1) + ":" + m.group(2), m.group(3));
            }
        }
        return out;
    }

    /** groupId:artifactId to {key, licence, url}. */
    static Map<String, String[]> licences(List<String> lines) {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length == 3) {
                out.put(cols[0], cols);
            }
        }
        return out;
    }

    static List<String> lines(String resource) {
        InputStream in = AboutInfo.class.getResourceAsStream(resource);
        if (in == null) {
            return List.of(); // e.g. classes compiled by an IDE without Maven's generate-resources
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
