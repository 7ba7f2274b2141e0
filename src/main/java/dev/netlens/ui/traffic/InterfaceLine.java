package dev.netlens.ui.traffic;

import dev.netlens.traffic.Series;

/**
 * One interface of the selection: its name, its rate now (or why there is none) and its sparkline.
 *
 * @param rate the rate as shown, or null when it has none yet
 */
public record InterfaceLine(String interfaceId, String name, String rate, String detail, Series series, boolean troubled) {
}
