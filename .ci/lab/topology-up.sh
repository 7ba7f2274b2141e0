#!/usr/bin/env bash
# Build the Netlens lab topology on the engines from engines-up.sh (idempotent).
# Every object carries the label netlens.test=lab; container names start with "lab-".
#
# engine 1 (host namespace)
#   default bridge : lab-bridge-a (-p 8080:80 -p 127.0.0.1:5353:53/udp), lab-bridge-b,
#                    lab-exited (exited, code 3)
#   container:     : lab-shared (--network container:lab-bridge-b)
#   lab-user       : user bridge; lab-user-a (alias alpha), lab-user-b (alias beta,
#                    also on lab-internal), lab-created (created, never started)
#   lab-renamed    : user bridge whose Linux bridge is called labbr0; lab-renamed-1
#   lab-internal   : --internal bridge; lab-internal-1 (+ lab-user-b)
#   host / none    : lab-host, lab-none
#   lab-macvlan    : macvlan on veth mvparent0 (peer mvpeer0); lab-macvlan-1
#   lab-overlay    : attachable swarm overlay; lab-o1 (alias o1)
# node2 (netns node2, unix:///run/node2/docker.sock)
#   lab-overlay    : lab-o2 (alias o2)
#   default bridge : lab-n2-bridge
#
# Existing objects are kept (stopped containers are started again); to change their
# configuration run topology-down.sh first.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

MV_PARENT=mvparent0
MV_PEER=mvpeer0
MV_SUBNET=198.51.100.0/24
MV_GATEWAY=198.51.100.1
# Name lookups the embedded DNS cannot answer are forwarded to the container's DNS
# servers. Point them at our own n1-eth address (nothing listens on port 53 there) so
# that no lookup ever leaves this machine.
LAB_DNS=$N1_ADDR

d1 info >/dev/null 2>&1 || die "engine 1 does not answer; run engines-up.sh first"
d2 info >/dev/null 2>&1 || die "node2 engine does not answer; run engines-up.sh first"

# ensure_network CLIENT NAME CREATE-ARGS...
ensure_network() {
  local client=$1 name=$2; shift 2
  local label
  if label=$("$client" network inspect -f '{{index .Labels "netlens.test"}}' "$name" 2>/dev/null); then
    [[ $label == lab ]] || die "network $name exists but is not a lab network (no $LAB_LABEL label)"
    return 0
  fi
  log "creating network $name"
  "$client" network create --label "$LAB_LABEL" "$@" "$name" >/dev/null
}

container_state() { "$1" container inspect -f '{{.State.Status}}' "$2" 2>/dev/null; }

check_lab_container() {
  local client=$1 name=$2 label
  label=$("$client" container inspect -f '{{index .Config.Labels "netlens.test"}}' "$name")
  [[ $label == lab ]] || die "container $name exists but is not a lab container (no $LAB_LABEL label)"
}

# attached CLIENT CONTAINER NETWORK: the container has an endpoint on the *current*
# network of that name (a network removed and re-created under it does not count).
attached() {
  local client=$1 name=$2 net=$3 want have
  want=$("$client" network inspect -f '{{.Id}}' "$net" 2>/dev/null) || return 1
  have=$("$client" container inspect \
    -f "{{with index .NetworkSettings.Networks \"$net\"}}{{.NetworkID}}{{end}}" "$name" 2>/dev/null) || return 1
  [[ -n $want && $want == "$have" ]]
}

# ensure_running CLIENT NAME NETWORK [RUN-ARGS...]
# NETWORK: bridge (the default network, no --network flag), host, none, container:NAME
# or a network name. The container runs `sleep infinity`; an existing one is started
# again, and re-created when it cannot start or lost its network.
ensure_running() {
  local client=$1 name=$2 net=$3; shift 3
  local state args=(--name "$name" --label "$LAB_LABEL" --stop-timeout 1)
  case $net in
    bridge) args+=(--hostname "$name" --dns "$LAB_DNS") ;;
    none) args+=(--hostname "$name" --network none) ;;
    host | container:*) args+=(--network "$net") ;;
    *) args+=(--hostname "$name" --dns "$LAB_DNS" --network "$net") ;;
  esac
  if state=$(container_state "$client" "$name"); then
    check_lab_container "$client" "$name"
    if [[ $state != running ]]; then
      log "starting existing container $name (was $state)"
      "$client" start "$name" >/dev/null || log "could not start $name"
    fi
    state=$(container_state "$client" "$name")
    case $net in
      host | none | container:*) [[ $state == running ]] && return 0 ;;
      *) [[ $state == running ]] && attached "$client" "$name" "$net" && return 0 ;;
    esac
    log "container $name is not usable ($state, or not on the current $net), re-creating it"
    "$client" rm -f "$name" >/dev/null
  fi
  log "running container $name"
  "$client" run -d "${args[@]}" "$@" "$LAB_IMAGE" sleep infinity >/dev/null
}

# ensure_connected CLIENT NETWORK CONTAINER: extra network for a running container
ensure_connected() {
  local client=$1 net=$2 name=$3
  attached "$client" "$name" "$net" && return 0
  "$client" network disconnect -f "$net" "$name" >/dev/null 2>&1 || true
  log "connecting $name to $net"
  "$client" network connect "$net" "$name"
}

ensure_macvlan_parent() {
  if ! ip link show "$MV_PARENT" >/dev/null 2>&1; then
    ip link del "$MV_PEER" 2>/dev/null || true
    log "creating veth $MV_PARENT <-> $MV_PEER (macvlan parent)"
    ip link add "$MV_PARENT" type veth peer name "$MV_PEER"
  fi
  ip link set "$MV_PARENT" up
  ip link set "$MV_PEER" up
}

t0=$SECONDS

# --- networks ---------------------------------------------------------------------------
ensure_macvlan_parent
ensure_network d1 lab-user
ensure_network d1 lab-renamed -o com.docker.network.bridge.name=labbr0
ensure_network d1 lab-internal --internal
ensure_network d1 lab-macvlan -d macvlan --subnet "$MV_SUBNET" --gateway "$MV_GATEWAY" -o parent="$MV_PARENT"
ensure_network d1 lab-overlay -d overlay --attachable

# --- engine 1 containers ---------------------------------------------------------------------
ensure_running d1 lab-bridge-a bridge -p 8080:80 -p 127.0.0.1:5353:53/udp -e NETLENS_LAB_SECRET=never-exported
ensure_running d1 lab-bridge-b bridge
ensure_running d1 lab-shared container:lab-bridge-b      # shares lab-bridge-b's netns
ensure_running d1 lab-user-a lab-user --network-alias alpha
ensure_running d1 lab-user-b lab-user --network-alias beta
ensure_connected d1 lab-internal lab-user-b              # multi-homed
ensure_running d1 lab-renamed-1 lab-renamed
ensure_running d1 lab-internal-1 lab-internal
ensure_running d1 lab-host host
ensure_running d1 lab-none none
ensure_running d1 lab-macvlan-1 lab-macvlan
ensure_running d1 lab-o1 lab-overlay --network-alias o1

# stopped containers: one created and never started, one that ran and exited
if ! container_state d1 lab-created >/dev/null; then
  log "creating container lab-created (left in state created)"
  d1 create --name lab-created --hostname lab-created --label "$LAB_LABEL" --dns "$LAB_DNS" \
    --network lab-user "$LAB_IMAGE" sleep infinity >/dev/null
fi
if ! container_state d1 lab-exited >/dev/null; then
  log "running container lab-exited (exits with code 3)"
  d1 run --name lab-exited --hostname lab-exited --label "$LAB_LABEL" --dns "$LAB_DNS" \
    "$LAB_IMAGE" sh -c 'exit 3' || true
fi

# --- node2 containers -------------------------------------------------------------------------
ensure_running d2 lab-o2 lab-overlay --network-alias o2
ensure_running d2 lab-n2-bridge bridge

# --- checks (traffic only between our own containers) -----------------------------------------
log "checking lab-o1 -> o2 over lab-overlay"
ok=""
for _ in $(seq 20); do
  if d1 exec lab-o1 ping -c 3 -W 2 o2; then ok=1; break; fi
  sleep 1
done
[[ -n $ok ]] || die "lab-o1 cannot ping o2 over lab-overlay"
if ! d1 exec lab-user-a ping -c 1 -W 2 beta >/dev/null; then
  # Seen after a swarm leave/init on a running engine: the embedded DNS forgets the
  # containers of local networks until they restart.
  log "lab-user-a cannot resolve beta; restarting the lab containers on user-defined networks"
  mapfile -t ids < <(d1 ps -q --filter "label=$LAB_LABEL")
  for id in "${ids[@]}"; do
    case $(d1 container inspect -f '{{.HostConfig.NetworkMode}}' "$id") in
      default | host | none | container:*) ;;
      *) d1 restart -t 1 "$id" >/dev/null ;;
    esac
  done
  d1 exec lab-user-a ping -c 1 -W 2 beta >/dev/null || die "lab-user-a cannot ping beta on lab-user"
fi

log "topology ready in $((SECONDS - t0)) s"
