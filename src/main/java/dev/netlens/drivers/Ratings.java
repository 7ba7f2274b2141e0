package dev.netlens.drivers;

import static dev.netlens.drivers.Rating.HIGH;
import static dev.netlens.drivers.Rating.LOW;
import static dev.netlens.drivers.Rating.MEDIUM;
import static dev.netlens.drivers.Rating.NONE;

/**
 * The fixed grades behind the matrix: a teaching summary of the Docker driver docs, not a measurement. Each
 * grade comes with a short word in the bundle (driver.&lt;d&gt;.&lt;topic&gt;.short) saying why.
 */
final class Ratings {
    private Ratings() {
    }

    static Rating of(Driver driver, Topic topic) {
        return switch (topic) {
            // How fast packets move compared with a process on the host.
            case PERFORMANCE -> pick(driver, MEDIUM, HIGH, LOW, HIGH, HIGH, NONE);
            // How much the container is fenced off from the host and its neighbours.
            case ISOLATION -> pick(driver, MEDIUM, LOW, MEDIUM, MEDIUM, MEDIUM, HIGH);
            case COMPLEXITY -> pick(driver, LOW, LOW, HIGH, MEDIUM, MEDIUM, LOW);
            // How much port publishing the outside needs to reach a service.
            case PORTS -> pick(driver, HIGH, NONE, MEDIUM, NONE, NONE, NONE);
            // How much the embedded DNS resolves for containers on it.
            case DNS -> pick(driver, MEDIUM, LOW, HIGH, MEDIUM, MEDIUM, NONE);
            // How far a container on it reaches without routing of its own.
            case SCOPE -> pick(driver, LOW, LOW, HIGH, MEDIUM, MEDIUM, NONE);
            default -> throw new IllegalArgumentException(topic + " is not rated");
        };
    }

    private static Rating pick(Driver d, Rating bridge, Rating host, Rating overlay, Rating macvlan, Rating ipvlan,
            Rating none) {
        return switch (d) {
            case BRIDGE -> bridge;
            case HOST -> host;
            case OVERLAY -> overlay;
            case MACVLAN -> macvlan;
            case IPVLAN -> ipvlan;
            case NONE -> none;
        };
    }
}
