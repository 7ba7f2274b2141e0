import json, hashlib
def hid(s): return hashlib.sha256(s.encode()).hexdigest()
def short(s): return hid(s)[:12]

hosts, namespaces, interfaces, networks, containers, tunnels = [], [], [], [], [], []
ifcount = {}
def iface(host, ns, name, kind, mtu=1500, addrs=(), master=None, peer=None, parent=None, vni=None, port=None, mac=None, state="UP"):
    key = host + ns
    ifcount[key] = ifcount.get(key, 1) + 1
    idx = ifcount[key] if name != "lo" else 1
    if name == "lo": ifcount[key] -= 1
    iid = f"{host}/{ns}/{idx}"
    interfaces.append(dict(id=iid, namespace=f"{host}/{ns}", name=name, ifindex=idx, kind=kind,
        mac=mac or ("00:00:00:00:00:00" if kind=="loopback" else "02:42:" + ":".join(hid(iid)[i:i+2] for i in range(0,8,2))),
        mtu=mtu if kind!="loopback" else 65536, state=state if kind!="loopback" else "UNKNOWN",
        addresses=list(addrs), master=master, peer=peer, parent=parent, vni=vni, vxlanPort=port))
    return iid
def link(a, b):
    for i in interfaces:
        if i["id"] == a: i["peer"] = b
        if i["id"] == b: i["peer"] = a
def ns(host, name, kind, ctrs=()):
    path = None if kind == "host" else (f"/var/run/docker/netns/{name}" if host == "node1" else f"/run/node2/exec/netns/{name}")
    if kind == "host": path = "/proc/1/ns/net"
    namespaces.append(dict(id=f"{host}/{name}", host=host, kind=kind, name=name, path=path, containers=list(ctrs)))
    return f"{host}/{name}"

OV = hid("ovnet"); OVNS = "1-" + OV[:10]
def host(hname, under, engine, swarm, manager, missing=()):
    hosts.append(dict(id=hname, endpoint="unix:///var/run/docker.sock" if hname=="node1" else "unix:///run/node2/docker.sock",
        name=hname, engineVersion=engine, apiVersion="1.41", os="Debian GNU/Linux 12 (bookworm)", kernelVersion="6.1.0-18-amd64",
        swarmNodeId=swarm, underlayAddress=under, swarmManager=manager, kernelView=True, kernelId="b0f3c1d2-" + hname,
        missing=list(missing), firewall=None))

def network(h, name, driver, scope="local", subnets=(), gateways=(), bridge=None, vxlan=None, parent=None, vni=None, peers=(), internal=False, attachable=False, options=None):
    nid = hid("net-" + name) if driver != "overlay" else OV
    if name == "bridge": nid = hid("net-bridge-" + h)
    networks.append(dict(id=nid, host=h, name=name, driver=driver, scope=scope, internal=internal, attachable=attachable, ingress=False,
        subnets=list(subnets), gateways=list(gateways), bridge=bridge, vxlan=vxlan, parent=parent, vni=vni, peers=list(peers), services=[], options=options or {}))
    return nid

def container(h, name, image, state, mode, nsid, endpoints=(), ports=()):
    cid = hid("ctr-" + name)
    containers.append(dict(id=cid, host=h, name=name, image=image, state=state, networkMode=mode, namespace=nsid,
        endpoints=list(endpoints), ports=list(ports)))
    return cid
def ep(net, netname, ipv4, iface_id, mac=None, aliases=()):
    return dict(network=net, networkName=netname, ipv4=ipv4, ipv6=None, mac=mac, aliases=list(aliases), **{"interface": iface_id})
def port(hp, cp, proto="tcp", ip="0.0.0.0"):
    return dict(hostIp=ip, hostPort=hp, containerPort=cp, protocol=proto)

# ---------------- node1 ----------------
h = "node1"
host(h, "198.18.0.1", "20.10.24+dfsg1", "k3v9q2m1x8f7r6t5y4u3i2o1p", True)
HN = ns(h, "host", "host")
iface(h, "host", "lo", "loopback", addrs=["127.0.0.1/8"])
eth0 = iface(h, "host", "eth0", "device", addrs=["10.0.2.15/24"])
n1 = iface(h, "host", "n1-eth", "veth", addrs=["198.18.0.1/24"])
d0 = iface(h, "host", "docker0", "bridge", addrs=["172.17.0.1/16"])
APPNET = hid("net-appnet"); appbr = iface(h, "host", "br-" + APPNET[:12], "bridge", addrs=["172.20.0.1/16"])
gw = iface(h, "host", "docker_gwbridge", "bridge", addrs=["172.18.0.1/16"])
mvp = iface(h, "host", "mvparent0", "veth"); mvq = iface(h, "host", "mvpeer0", "veth"); link(mvp, mvq)

BR = network(h, "bridge", "bridge", subnets=["172.17.0.0/16"], gateways=["172.17.0.1"], bridge=d0, options={"com.docker.network.bridge.name": "docker0"})
network(h, "host", "host"); network(h, "none", "null")
network(h, "appnet", "bridge", subnets=["172.20.0.0/16"], gateways=["172.20.0.1"], bridge=appbr)
MV = network(h, "mvnet", "macvlan", subnets=["198.51.100.0/24"], gateways=["198.51.100.1"], parent=mvp, options={"parent": "mvparent0"})
GW = network(h, "docker_gwbridge", "bridge", subnets=["172.18.0.0/16"], gateways=["172.18.0.1"], bridge=gw,
    options={"com.docker.network.bridge.name": "docker_gwbridge", "com.docker.network.bridge.enable_icc": "false"})
# overlay namespace with br0 + vxlan0 (VNI 4097)
ns(h, OVNS, "overlay")
br0 = iface(h, OVNS, "br0", "bridge", mtu=1450, addrs=["10.0.1.1/24"])
vx = iface(h, OVNS, "vxlan0", "vxlan", mtu=1450, master=br0, vni=4097, port=4789)
ov_v0 = iface(h, OVNS, "veth0", "veth", mtu=1450, master=br0)
ov_v1 = iface(h, OVNS, "veth1", "veth", mtu=1450, master=br0)
network(h, "ovnet", "overlay", scope="swarm", subnets=["10.0.1.0/24"], gateways=["10.0.1.1"], bridge=br0, vxlan=vx, vni=4097,
    peers=[dict(name="node1", address="198.18.0.1"), dict(name="node2", address="198.18.0.2")], attachable=True,
    options={"com.docker.network.driver.overlay.vxlanid_list": "4097"})
tunnels.append(dict(network=OV, networkName="ovnet", vni=4097, **{"from": dict(host="node1", address="198.18.0.1")}, to=dict(host="node2", address="198.18.0.2")))

def bridged(name, image, bridge, netid, netname, ip, ports=(), mtu=1500, host_mtu=1500, extra=None, mode=None):
    nsname = short("ns-" + name)
    N = ns(h, nsname, "container", [hid("ctr-" + name)])
    iface(h, nsname, "lo", "loopback", addrs=["127.0.0.1/8"])
    e = iface(h, nsname, "eth0", "veth", mtu=mtu, addrs=[ip])
    v = iface(h, "host", "veth" + short("v" + name)[:7], "veth", mtu=host_mtu, master=bridge); link(e, v)
    eps = [ep(netid, netname, ip, e)]
    if extra: eps += extra(nsname)
    container(h, name, image, "running", mode or netname, N, eps, ports)
    return N

bridged("web", "nginx:1.25", d0, BR, "bridge", "172.17.0.2/16", ports=[port(8080, 80)], mode="bridge")
bridged("cache", "redis:7", d0, BR, "bridge", "172.17.0.3/16", mode="bridge")
bridged("api", "netlens/api:2.1", appbr, APPNET, "appnet", "172.20.0.2/16", ports=[port(5000, 5000), port(5000, 5000, "udp")])
dbns = bridged("db", "postgres:16", appbr, APPNET, "appnet", "172.20.0.3/16", mtu=1400)  # deliberate MTU mismatch
namespaces[-1]["containers"].append(hid("ctr-db-exporter"))
container(h, "db-exporter", "prom/postgres-exporter:0.15", "running", "container:" + hid("ctr-db"), dbns)
# host mode
namespaces[0]["containers"].append(hid("ctr-monitor"))
container(h, "monitor", "prom/node-exporter:1.8", "running", "host", HN)
# none mode
nn = short("ns-isolated"); ns(h, nn, "container", [hid("ctr-isolated")]); iface(h, nn, "lo", "loopback", addrs=["127.0.0.1/8"])
container(h, "isolated", "alpine:3.20", "running", "none", f"{h}/{nn}")
# macvlan on veth parent
mn = short("ns-mv1"); ns(h, mn, "container", [hid("ctr-mv1")]); iface(h, mn, "lo", "loopback", addrs=["127.0.0.1/8"])
mve = iface(h, mn, "eth0", "macvlan", addrs=["198.51.100.10/24"], parent=mvp)
container(h, "mv1", "alpine:3.20", "running", "mvnet", f"{h}/{mn}", [ep(MV, "mvnet", "198.51.100.10/24", mve)])
# overlay container o1 with gwbridge leg
on = short("ns-o1"); ns(h, on, "container", [hid("ctr-o1")]); iface(h, on, "lo", "loopback", addrs=["127.0.0.1/8"])
oe0 = iface(h, on, "eth0", "veth", mtu=1450, addrs=["10.0.1.3/24"]); link(oe0, ov_v0)
oe1 = iface(h, on, "eth1", "veth", addrs=["172.18.0.3/16"])
gv = iface(h, "host", "veth" + short("gwo1")[:7], "veth", master=gw); link(oe1, gv)
container(h, "o1", "alpine:3.20", "running", "ovnet", f"{h}/{on}", [ep(OV, "ovnet", "10.0.1.3/24", oe0), ep(GW, "docker_gwbridge", "172.18.0.3/16", oe1)])
# load balancer namespace of the overlay
lb = "lb_" + OV[:9]; ns(h, lb, "loadbalancer"); iface(h, lb, "lo", "loopback", addrs=["127.0.0.1/8"])
lbe = iface(h, lb, "eth0", "veth", mtu=1450, addrs=["10.0.1.4/24"]); link(lbe, ov_v1)
# ingress_sbox: gwbridge leg only (ingress overlay itself not captured in this fixture)
ns(h, "ingress_sbox", "ingress"); iface(h, "ingress_sbox", "lo", "loopback", addrs=["127.0.0.1/8"])
ie = iface(h, "ingress_sbox", "eth1", "veth", addrs=["172.18.0.2/16"])
iv = iface(h, "host", "veth" + short("gwin")[:7], "veth", master=gw); link(ie, iv)
# stopped container
container(h, "old-job", "busybox:1.36", "exited", "bridge", None, [ep(BR, "bridge", None, None)])

# ---------------- node2 ----------------
h = "node2"
host(h, "198.18.0.2", "20.10.24+dfsg1", "p1o2i3u4y5t6r7f8x1m2q9v3k", False)
ns(h, "host", "host")
iface(h, "host", "lo", "loopback", addrs=["127.0.0.1/8"])
n2 = iface(h, "host", "n2-eth", "veth", addrs=["198.18.0.2/24"])
d2 = iface(h, "host", "docker0", "bridge", addrs=["172.17.0.1/16"])
gw2 = iface(h, "host", "docker_gwbridge", "bridge", addrs=["172.18.0.1/16"])
BR2 = network(h, "bridge", "bridge", subnets=["172.17.0.0/16"], gateways=["172.17.0.1"], bridge=d2)
network(h, "host", "host"); network(h, "none", "null")
GW2 = network(h, "docker_gwbridge", "bridge", subnets=["172.18.0.0/16"], gateways=["172.18.0.1"], bridge=gw2)
ns(h, OVNS, "overlay")
b2 = iface(h, OVNS, "br0", "bridge", mtu=1450, addrs=["10.0.1.1/24"])
vx2 = iface(h, OVNS, "vxlan0", "vxlan", mtu=1450, master=b2, vni=4097, port=4789)
ov2 = iface(h, OVNS, "veth0", "veth", mtu=1450, master=b2)
network(h, "ovnet", "overlay", scope="swarm", subnets=["10.0.1.0/24"], gateways=["10.0.1.1"], bridge=b2, vxlan=vx2, vni=4097,
    peers=[dict(name="node1", address="198.18.0.1"), dict(name="node2", address="198.18.0.2")], attachable=True)
tunnels.append(dict(network=OV, networkName="ovnet", vni=4097, **{"from": dict(host="node2", address="198.18.0.2")}, to=dict(host="node1", address="198.18.0.1")))
def bridged2(name, image, bridge, netid, netname, ip, ports=()):
    nsname = short("ns-" + name); N = ns(h, nsname, "container", [hid("ctr-" + name)])
    iface(h, nsname, "lo", "loopback", addrs=["127.0.0.1/8"])
    e = iface(h, nsname, "eth0", "veth", addrs=[ip])
    v = iface(h, "host", "veth" + short("v" + name)[:7], "veth", master=bridge); link(e, v)
    container(h, name, image, "running", "bridge", N, [ep(netid, netname, ip, e)], ports)
bridged2("worker", "netlens/worker:2.1", d2, BR2, "bridge", "172.17.0.2/16", ports=[port(9090, 8080)])
on2 = short("ns-o2"); ns(h, on2, "container", [hid("ctr-o2")]); iface(h, on2, "lo", "loopback", addrs=["127.0.0.1/8"])
o2e0 = iface(h, on2, "eth0", "veth", mtu=1450, addrs=["10.0.1.5/24"]); link(o2e0, ov2)
o2e1 = iface(h, on2, "eth1", "veth", addrs=["172.18.0.3/16"])
g2v = iface(h, "host", "veth" + short("gwo2")[:7], "veth", master=gw2); link(o2e1, g2v)
container(h, "o2", "alpine:3.20", "running", "ovnet", f"{h}/{on2}", [ep(OV, "ovnet", "10.0.1.5/24", o2e0), ep(GW2, "docker_gwbridge", "172.18.0.3/16", o2e1)])

snap = dict(schema="netlens.topology/v1", capturedAt="2025-11-28T10:15:00Z", source="file", hosts=hosts, namespaces=namespaces,
    interfaces=interfaces, networks=networks, containers=containers, tunnels=tunnels)
import sys
json.dump(snap, open(sys.argv[1], "w"), indent=1)

# the "after" snapshot for diff tests: cache removed, a new container "queue" on docker0
def after():
    import copy
    s = copy.deepcopy(snap)
    cid = hid("ctr-cache"); nsid = [c for c in s["containers"] if c["id"] == cid][0]["namespace"]
    s["containers"] = [c for c in s["containers"] if c["id"] != cid]
    peers = {i["peer"] for i in s["interfaces"] if i["namespace"] == nsid}
    s["interfaces"] = [i for i in s["interfaces"] if i["namespace"] != nsid and i["id"] not in peers]
    s["namespaces"] = [n for n in s["namespaces"] if n["id"] != nsid]
    return s
globals()["snap"] = after()
interfaces[:] = snap["interfaces"]; namespaces[:] = snap["namespaces"]; containers[:] = snap["containers"]
snap["interfaces"], snap["namespaces"], snap["containers"] = interfaces, namespaces, containers
h = "node1"
bridged("queue", "rabbitmq:3.13", d0, BR, "bridge", "172.17.0.4/16", ports=[port(5672, 5672)], mode="bridge")
snap["capturedAt"] = "2025-11-28T10:15:05Z"
json.dump(snap, open(sys.argv[2], "w"), indent=1)
