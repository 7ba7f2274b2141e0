package dev.netlens.ui.traffic;

/**
 * One row of "Busiest links".
 *
 * @param vertexId what clicking it selects: the interface the rate was read on
 * @param name the link's two ends
 * @param rate its rate, as shown
 */
public record BusyLink(String linkId, String vertexId, String name, String rate, boolean troubled) {
}
