package dev.netlens.about;

/**
 * One library bundled with Netlens, as the About dialog lists it.
 *
 * @param licence an SPDX expression, e.g. "Apache-2.0" or "LGPL-2.1-or-later OR EPL-2.0"
 */
public record Library(String group, String artifact, String version, String licence, String url) {
    /** groupId:artifactId, the key the licence table uses. */
    public String coordinates() {
        return group + ":" + artifact;
    }
}
