package dev.netlens.render;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one source of Netlens's colours: the window's stylesheet takes them as looked-up colours
 * ({@code -nl-NAME}, see {@link #css}) and the picture export draws with them, so screen and
 * pictures match. The accents are the Okabe-Ito palette (safe for the common colour-vision
 * deficiencies) in every theme; only the neutrals (canvas, paper, ink, box fills) change.
 */
public final class Palette {
    private static final Map<Theme, Map<String, Integer>> COLOURS = new EnumMap<>(Theme.class);

    static {
        Map<String, String> accents = new LinkedHashMap<>();
        accents.put("orange", "#E69F00");
        accents.put("sky", "#56B4E9");
        accents.put("green", "#009E73");
        accents.put("yellow", "#F0E442");
        accents.put("blue", "#0072B2");
        accents.put("vermillion", "#D55E00");
        accents.put("purple", "#CC79A7");
        accents.put("on-accent", "#111111");
        accents.put("on-blue", "#ffffff");

        Map<String, String> light = new LinkedHashMap<>(accents);
        light.putAll(Map.ofEntries(
                Map.entry("ink", "#1b1b1b"), Map.entry("muted", "#444444"), Map.entry("grey", "#8c8c8c"),
                Map.entry("paper", "#ffffff"), Map.entry("canvas", "#f7f7f5"),
                Map.entry("ns-host", "#e6f1f8"), Map.entry("ns-host-line", "#3389c0"),
                Map.entry("ns-container", "#fdf3df"), Map.entry("ns-container-line", "#b87f00"),
                Map.entry("ns-overlay", "#f7e6ef"), Map.entry("ns-overlay-line", "#8f5475"),
                Map.entry("ns-system", "#f1f1f1"),
                Map.entry("device", "#eeeeee"), Map.entry("loopback", "#f4f4f4"), Map.entry("stopped", "#e3e3e3"),
                Map.entry("veth", "#bbe1f6"), Map.entry("veth-line", "#2f6380"),
                Map.entry("vxlan", "#ebc8dc"), Map.entry("vxlan-line", "#663c54"),
                Map.entry("macvlan", "#99d8c7"), Map.entry("macvlan-line", "#005f45"),
                Map.entry("container-line", "#674700"), Map.entry("bridge-line", "#004470"),
                Map.entry("port-line", "#6b6400"), Map.entry("link-veth", "#303030"),
                Map.entry("link-endpoint", "#8a5f00"), Map.entry("link-published", "#8a8000"),
                Map.entry("chrome", "#ececec"), Map.entry("chrome-line", "#c8c8c8"),
                Map.entry("highlight", "#D55E00")));
        put(Theme.LIGHT, light);

        Map<String, String> contrast = new LinkedHashMap<>(light);
        contrast.putAll(Map.ofEntries(
                Map.entry("ink", "#000000"), Map.entry("muted", "#1a1a1a"), Map.entry("grey", "#4d4d4d"),
                Map.entry("canvas", "#ffffff"),
                Map.entry("ns-host", "#d7eaf7"), Map.entry("ns-host-line", "#005a8c"),
                Map.entry("ns-container", "#fbe3b3"), Map.entry("ns-container-line", "#7a5400"),
                Map.entry("ns-overlay", "#f3d2e4"), Map.entry("ns-overlay-line", "#6b3457"),
                Map.entry("ns-system", "#e4e4e4"), Map.entry("device", "#dddddd"), Map.entry("stopped", "#d0d0d0"),
                Map.entry("veth-line", "#003a5c"), Map.entry("link-veth", "#000000"),
                Map.entry("link-endpoint", "#5c3f00"), Map.entry("link-published", "#5c5500"),
                Map.entry("chrome", "#ffffff"), Map.entry("chrome-line", "#000000")));
        put(Theme.CONTRAST, contrast);

        Map<String, String> dark = new LinkedHashMap<>(accents);
        dark.putAll(Map.ofEntries(
                Map.entry("ink", "#f2f2f2"), Map.entry("muted", "#cfcfcf"), Map.entry("grey", "#9a9a9a"),
                Map.entry("paper", "#1f252b"), Map.entry("canvas", "#0f1317"),
                Map.entry("ns-host", "#142a3c"), Map.entry("ns-host-line", "#56B4E9"),
                Map.entry("ns-container", "#35290d"), Map.entry("ns-container-line", "#E69F00"),
                Map.entry("ns-overlay", "#3a1a2d"), Map.entry("ns-overlay-line", "#CC79A7"),
                Map.entry("ns-system", "#262a2e"),
                Map.entry("device", "#30363c"), Map.entry("loopback", "#23292e"), Map.entry("stopped", "#4a4a4a"),
                Map.entry("veth", "#1c4a66"), Map.entry("veth-line", "#9fd6f5"),
                Map.entry("vxlan", "#5c2b49"), Map.entry("vxlan-line", "#e7b3d0"),
                Map.entry("macvlan", "#0b5241"), Map.entry("macvlan-line", "#5fd3b1"),
                Map.entry("container-line", "#fff0c8"), Map.entry("bridge-line", "#a8d8ff"),
                Map.entry("port-line", "#fff7a0"), Map.entry("link-veth", "#e8e8e8"),
                Map.entry("link-endpoint", "#f2b733"), Map.entry("link-published", "#F0E442"),
                Map.entry("chrome", "#1a1f24"), Map.entry("chrome-line", "#3a4148"),
                Map.entry("highlight", "#F0E442")));
        put(Theme.DARK, dark);
    }

    private Palette() {
    }

    private static void put(Theme theme, Map<String, String> hex) {
        Map<String, Integer> m = new LinkedHashMap<>();
        hex.forEach((k, v) -> m.put(k, 0xff000000 | Integer.parseInt(v.substring(1), 16)));
        COLOURS.put(theme, Collections.unmodifiableMap(m));
    }

    /** The colour named {@code name} in {@code theme}, as opaque ARGB. */
    public static int argb(Theme theme, String name) {
        Integer c = COLOURS.get(theme).get(name);
        if (c == null) {
            throw new IllegalArgumentException("no colour " + name);
        }
        return c;
    }

    public static Map<String, Integer> colours(Theme theme) {
        return COLOURS.get(theme);
    }

    /**
     * A stylesheet declaring the theme's colours as looked-up colours on {@code .netlens}, the type
     * sizes and the shapes' and lines' rules ({@link Styles#css()}).
     */
    public static String css(Theme theme) {
        StringBuilder b = new StringBuilder(".netlens {\n");
        colours(theme).forEach((k, v) -> b.append("    -nl-").append(k).append(": ")
                .append(String.format(Locale.ROOT, "#%06x", v & 0xffffff)).append(";\n"));
        // The type sizes and the shapes' styles ride along: the window draws from the same tables as the pictures.
        return b.append("}\n").append(dev.netlens.layout.TypeScale.css()).append(Styles.css()).toString();
    }
}
