package dev.netlens.traffic;

/**
 * What a drawn link carries now: the busier of the interfaces it stands for.
 *
 * @param linkId the graph link's id
 * @param interfaceId the interface the rate was read on (the busier end of a veth pair)
 * @param known false when a reset made this interval's rate unknown
 * @param troubled drops or errors rose on one of its interfaces
 */
public record LinkRate(String linkId, String interfaceId, boolean known, double bytesPerSecond, double packetsPerSecond,
        boolean troubled) {
}
