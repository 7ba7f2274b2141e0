#!/usr/bin/env bash
# Bring up the two Docker engines of the Netlens lab (idempotent):
#   engine 1  : plain dockerd in the host namespace, /var/run/docker.sock
#   node2     : a second dockerd inside network namespace "node2", /run/node2/docker.sock,
#               linked to the host by veth n1-eth (198.18.0.1) <-> n2-eth (198.18.0.2)
#   swarm     : engine 1 manager advertising 198.18.0.1, node2 worker
#   image     : netlens/busybox:lab (busybox-static, docker import) on both engines
# Copes with a fresh machine and with leftovers of an earlier run (netns/veth, swarm
# state, stale pid files, engines already running). Only engines it starts itself are
# recorded in $LAB_STATE_DIR and later stopped by engines-down.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

[[ $(id -u) == 0 ]] || die "must run as root"
mkdir -p "$LAB_STATE_DIR"

# --- packages -----------------------------------------------------------------------
ensure_packages() {
  local pkgs=(docker.io iptables busybox-static iproute2) missing=() p
  for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return 0
  fi
  log "installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y "${pkgs[@]}"
}

# --- node2 network namespace and veth pair -----------------------------------------------
netns_usable() { [[ -e $NODE2_NETNS_PATH ]] && nsenter --net="$NODE2_NETNS_PATH" true 2>/dev/null; }

ensure_node2_netns() {
  if ! netns_usable; then
    if [[ -e $NODE2_NETNS_PATH ]]; then
      log "netns file $NODE2_NETNS_PATH is stale, recreating it"
      ip netns delete "$NODE2_NETNS" 2>/dev/null || { umount "$NODE2_NETNS_PATH" 2>/dev/null || true; rm -f "$NODE2_NETNS_PATH"; }
    fi
    log "creating network namespace $NODE2_NETNS"
    ip netns add "$NODE2_NETNS"
  fi
  if ip link show "$N1_IF" >/dev/null 2>&1 && ip -n "$NODE2_NETNS" link show "$N2_IF" >/dev/null 2>&1; then
    :
  else
    # half-made pair from an interrupted run: remove whatever end is left, then recreate
    ip link del "$N1_IF" 2>/dev/null || true
    ip link del "$N2_IF" 2>/dev/null || true
    log "creating veth $N1_IF <-> $NODE2_NETNS/$N2_IF"
    ip link add "$N1_IF" type veth peer name "$N2_IF" netns "$NODE2_NETNS"
  fi
  ip addr replace "$N1_ADDR/24" dev "$N1_IF"
  ip link set "$N1_IF" up
  ip -n "$NODE2_NETNS" addr replace "$N2_ADDR/24" dev "$N2_IF"
  ip -n "$NODE2_NETNS" link set "$N2_IF" up
  ip -n "$NODE2_NETNS" link set lo up
}

# --- engines ----------------------------------------------------------------------
# Remove a pid file whose process is gone (or is now some unrelated process).
clear_stale_pidfile() {
  local f=$1 name=$2 pid
  [[ -e $f ]] || return 0
  pid=$(read_pid "$f")
  if [[ -n $pid ]] && pid_is "$pid" "$name"; then
    return 0
  fi
  log "removing stale pid file $f (pid '${pid:-?}' is not a running $name)"
  rm -f "$f"
}

engine_answers() { "$@" info >/dev/null 2>&1; }

# wait_engine NAME LOG PID CLIENT-FN
wait_engine() {
  local name=$1 logf=$2 pid=$3 client=$4
  local deadline=$((SECONDS + 60))
  until engine_answers "$client"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log "$name (pid $pid) exited during start-up; tail of $logf:"
      tail -n 40 "$logf" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      log "$name did not answer within 60 s; tail of $logf:"
      tail -n 40 "$logf" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

start_engine1() {
  if engine_answers d1; then
    log "engine 1 already answering on $ENGINE1_SOCK"
    return 0
  fi
  clear_stale_pidfile /var/run/docker.pid dockerd
  clear_stale_pidfile /var/run/docker/containerd/containerd.pid containerd
  log "starting engine 1 (log $ENGINE1_LOG)"
  setsid dockerd >"$ENGINE1_LOG" 2>&1 </dev/null &
  local pid=$!
  wait_engine "engine 1" "$ENGINE1_LOG" "$pid" d1
  pid=$(read_pid /var/run/docker.pid)
  echo "$pid" >"$LAB_STATE_DIR/engine1.pid"
  log "engine 1 up (pid $pid)"
}

start_node2() {
  if engine_answers d2; then
    # make sure the engine that answers really lives in the current node2 namespace
    local pid
    pid=$(read_pid "$NODE2_PIDFILE")
    if [[ -n $pid ]] && [[ $(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null) != "$(stat -L -c %i "$NODE2_NETNS_PATH")" ]]; then
      die "node2 dockerd (pid $pid) runs in another network namespace than $NODE2_NETNS_PATH; run engines-down.sh first"
    fi
    log "node2 engine already answering on $NODE2_SOCK"
    return 0
  fi
  mkdir -p "$NODE2_ROOT" "$NODE2_DATA_ROOT"
  clear_stale_pidfile "$NODE2_PIDFILE" dockerd
  clear_stale_pidfile "$NODE2_EXEC_ROOT/containerd/containerd.pid" containerd
  log "starting node2 engine in netns $NODE2_NETNS (log $NODE2_LOG)"
  # nsenter --net, not `ip netns exec`: the latter remounts /sys and dockerd then
  # fails with "Devices cgroup isn't mounted".
  setsid nsenter --net="$NODE2_NETNS_PATH" dockerd \
    --data-root "$NODE2_DATA_ROOT" \
    --exec-root "$NODE2_EXEC_ROOT" \
    --pidfile "$NODE2_PIDFILE" \
    -H "unix://$NODE2_SOCK" >"$NODE2_LOG" 2>&1 </dev/null &
  local pid=$!
  wait_engine "node2 engine" "$NODE2_LOG" "$pid" d2
  pid=$(read_pid "$NODE2_PIDFILE")
  echo "$pid" >"$LAB_STATE_DIR/node2.pid"
  log "node2 engine up (pid $pid)"
}

# --- image ----------------------------------------------------------------------------
ensure_image() {
  if ! d1 image inspect "$LAB_IMAGE" >/dev/null 2>&1; then
    log "building $LAB_IMAGE from /bin/busybox (busybox-static)"
    local root
    root=$(mktemp -d)
    mkdir -p "$root/bin" "$root/etc" "$root/tmp"
    cp /bin/busybox "$root/bin/busybox"
    local a
    for a in sh sleep ip ping nc cat ls wget nslookup hostname; do
      ln -s busybox "$root/bin/$a"
    done
    printf 'hosts: files dns\n' >"$root/etc/nsswitch.conf"
    chmod 1777 "$root/tmp"
    tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
      d1 import --change 'ENV PATH=/bin' --change 'CMD ["sleep","infinity"]' - "$LAB_IMAGE" >/dev/null
    rm -rf "$root"
  fi
  # Same image (same ID) on node2, as if both had pulled it from a registry.
  local id1 id2
  id1=$(d1 image inspect -f '{{.Id}}' "$LAB_IMAGE")
  id2=$(d2 image inspect -f '{{.Id}}' "$LAB_IMAGE" 2>/dev/null || true)
  if [[ $id1 != "$id2" ]]; then
    log "loading $LAB_IMAGE into node2"
    d1 save "$LAB_IMAGE" | d2 load >/dev/null
  fi
}

# --- swarm ----------------------------------------------------------------------------
swarm_state() { "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null; }
# states "pending" / "" are transient right after an engine (re)start
swarm_settled() { local s; s=$(swarm_state "$1"); [[ -n $s && $s != pending ]]; }

manager_ok() {
  local line
  line=$(d1 info --format '{{.Swarm.LocalNodeState}} {{.Swarm.NodeAddr}} {{.Swarm.ControlAvailable}}')
  [[ $line == "active $N1_ADDR true" ]]
}

node2_id() { d2 info --format '{{.Swarm.NodeID}}' 2>/dev/null; }

node2_ok() {
  local line id
  line=$(d2 info --format '{{.Swarm.LocalNodeState}} {{.Swarm.NodeAddr}}' 2>/dev/null) || return 1
  [[ $line == "active $N2_ADDR" ]] || return 1
  id=$(node2_id)
  [[ -n $id && $(d1 node inspect -f '{{.Status.State}}' "$id" 2>/dev/null) == ready ]]
}

# node2 still points at the current manager (not at the manager of an older swarm)
node2_knows_manager() {
  local self
  self=$(d1 info --format '{{.Swarm.NodeID}}')
  [[ -n $self ]] && d2 info --format '{{range .Swarm.RemoteManagers}}{{.NodeID}} {{end}}' |
    tr ' ' '\n' | grep -qxF "$self"
}

ensure_swarm() {
  wait_until 30 "engine 1 swarm state to settle" swarm_settled d1 || true
  if manager_ok; then
    log "swarm manager already active on $N1_ADDR"
  else
    local s
    s=$(swarm_state d1)
    if [[ $s != inactive ]]; then
      log "engine 1 has unusable swarm state '$s', leaving it"
      d1 swarm leave --force >/dev/null
    fi
    log "initialising swarm on $N1_ADDR"
    d1 swarm init --advertise-addr "$N1_ADDR" --listen-addr "$N1_ADDR:2377" >/dev/null
  fi
  wait_until 30 "swarm manager" manager_ok

  wait_until 30 "node2 swarm state to settle" swarm_settled d2 || true
  # after an engine restart a healthy worker takes a few seconds to report ready
  if [[ $(swarm_state d2) == active ]] && node2_knows_manager; then
    wait_until 20 "node2 to be ready in the swarm" node2_ok || true
  fi
  if node2_ok; then
    log "node2 already a ready swarm worker"
  else
    if [[ $(swarm_state d2) != inactive ]]; then
      log "node2 has stale swarm state, leaving it"
      d2 swarm leave --force >/dev/null
    fi
    log "joining node2 to the swarm as worker"
    local token
    token=$(d1 swarm join-token -q worker)
    d2 swarm join --token "$token" --advertise-addr "$N2_ADDR" --listen-addr "$N2_ADDR:2377" "$N1_ADDR:2377" >/dev/null
    wait_until 60 "node2 to be ready in the swarm" node2_ok
  fi

  # Forget nodes of earlier runs (down, not one of the two current engines).
  local self id2 id st
  self=$(d1 info --format '{{.Swarm.NodeID}}')
  id2=$(node2_id)
  while read -r id st; do
    if [[ $id != "$self" && $id != "$id2" && ${st,,} == down ]]; then
      log "removing stale swarm node $id"
      d1 node rm --force "$id" >/dev/null
    fi
  done < <(d1 node ls --format '{{.ID}} {{.Status}}')
  # Both engines share the host's hostname; labels tell them apart.
  d1 node update --label-add "$LAB_LABEL" --label-add netlens.node=node1 "$self" >/dev/null
  d1 node update --label-add "$LAB_LABEL" --label-add netlens.node=node2 "$id2" >/dev/null
}

main() {
  local t0=$SECONDS
  ensure_packages
  ensure_node2_netns          # before engine 1, so a restored swarm finds 198.18.0.1
  start_engine1
  start_node2
  ensure_image
  ensure_swarm
  "$here/node2-tcp-up.sh"     # node2 also over TCP and TLS, in its own namespace
  log "engines ready in $((SECONDS - t0)) s: engine 1 unix://$ENGINE1_SOCK, node2 unix://$NODE2_SOCK"
}

main "$@"
