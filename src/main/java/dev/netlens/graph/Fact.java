package dev.netlens.graph;

/**
 * What a {@link Detail} line tells: a closed set, so that the UI phrases each in the user's language
 * by its key instead of cutting English text apart. The English name is what exports and tooltips show.
 */
public enum Fact {
    ADDRESSES("Addresses"),
    CANNOT_SEE("Cannot see"),
    COLLAPSED("Collapsed"),
    CONTAINER("Container"),
    CONTAINERS("Containers"),
    DRIVER("Driver"),
    ENDPOINT("Endpoint"),
    ENGINE("Engine"),
    GATEWAYS("Gateways"),
    GROUP("Group"),
    HOST("Host"),
    ID("Id"),
    IMAGE("Image"),
    INTERFACE("Interface"),
    INTERNAL("Internal"),
    KERNEL("Kernel"),
    KERNEL_VIEW("Kernel view"),
    KIND("Kind"),
    MAC("MAC"),
    MTU("MTU"),
    MASTER("Master"),
    MEMBER("Member"),
    NAMESPACE("Namespace"),
    NETWORK("Network"),
    NETWORK_MODE("Network mode"),
    NETWORKS("Networks"),
    PARENT("Parent"),
    PATH("Path"),
    PEER("Peer"),
    PUBLISHED("Published"),
    PUBLISHED_PORT("Published port"),
    PUBLISHED_PORTS("Published ports"),
    RUNNING("Running"),
    SCOPE("Scope"),
    STATE("State"),
    STOPPED("Stopped"),
    SUBNETS("Subnets"),
    SWARM_NODE("Swarm node"),
    UNDERLAY("Underlay"),
    UNDERLAY_ADDRESS("Underlay address"),
    VNI("VNI"),
    VXLAN_PORT("VXLAN port"),
    IFINDEX("ifindex"),
    VETH_PEER("veth peer");

    private final String english;

    Fact(String english) {
        this.english = english;
    }

    /** The name in English: "Published port". */
    public String english() {
        return english;
    }

    /** The i18n bundle key of its name: {@code detail.Published_port}. */
    public String key() {
        return "detail." + english.replace(' ', '_');
    }
}
