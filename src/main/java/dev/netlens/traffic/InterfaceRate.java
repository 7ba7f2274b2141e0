package dev.netlens.traffic;

/**
 * What went through one interface between two samples, per second.
 *
 * @param interfaceId the snapshot's {@code NetInterface.id}
 * @param known false when the counters reset in between (an interface made again, its counters went
 *     down): the rates are then 0 and mean nothing; never negative
 * @param dropsRose packets dropped in the interval (both directions), 0 when not known
 * @param errorsRose errors counted in the interval (both directions), 0 when not known
 */
public record InterfaceRate(String interfaceId, boolean known, double rxBytesPerSecond, double txBytesPerSecond,
        double rxPacketsPerSecond, double txPacketsPerSecond, long dropsRose, long errorsRose) {

    public static InterfaceRate unknown(String interfaceId) {
        return new InterfaceRate(interfaceId, false, 0, 0, 0, 0, 0, 0);
    }

    /** Both directions together: what a link carries. */
    public double bytesPerSecond() {
        return rxBytesPerSecond + txBytesPerSecond;
    }

    public double packetsPerSecond() {
        return rxPacketsPerSecond + txPacketsPerSecond;
    }

    /** Whether drops or errors rose in the interval: marked red. */
    public boolean troubled() {
        return dropsRose > 0 || errorsRose > 0;
    }
}
