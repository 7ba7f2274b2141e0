#!/usr/bin/env bash
# A developer's host on the local engine, as docker compose would have made it: five projects of
# five services, each project on its own network <project>_default, a shared network `proxy` that
# one service of each project also joins (multi-homed, by `docker network connect`), a proxy
# container (project edge) publishing 80 and 443 on 127.0.0.1 only, and four standalone
# containers (`docker run`, no compose labels) on the default bridge: 30 containers, 6 networks.
# Compose-style containers are named <project>-<service>-1 and labelled as compose labels them
# (com.docker.compose.project, .service, .container-number=1, .oneoff=False). Everything made here,
# and only that, carries netlens.bench=devhost: `down` removes exactly those and the image tag.
# Networks get explicit subnets in $DEVHOST_SUBNET_PREFIX.0.0/16 (the default pools run out).
#   bash bench/devhost.sh up       build it, or complete it (idempotent: kept if there, started if stopped)
#   bash bench/devhost.sh down     remove everything labelled netlens.bench=devhost
#   bash bench/devhost.sh status   what is there
set -euo pipefail
source "$(dirname "$0")/lib.sh"

DEVHOST_LABEL="$BENCH_LABEL_KEY=devhost"
DEVHOST_IMAGE=netlens/busybox:devhost     # our own tag, as workload.sh keeps its own
DEVHOST_SUBNET_PREFIX=${DEVHOST_SUBNET_PREFIX:-100.82}
DEVHOST_HTTP_PORT=${DEVHOST_HTTP_PORT:-80}
DEVHOST_HTTPS_PORT=${DEVHOST_HTTPS_PORT:-443}
PROXY_NETWORK=proxy

PROJECTS=(shop blog chat metrics auth)
# The first service of each project is its front end: it also joins the proxy network.
declare -A SERVICES=(
  [shop]="web api worker db cache"
  [blog]="web app search db cache"
  [chat]="web gateway api db queue"
  [metrics]="grafana prometheus exporter alertmanager loki"
  [auth]="web api db cache mailer"
)
# name, extra docker run arguments (word-split on purpose)
STANDALONE=(
  "devhost-postgres|-p 127.0.0.1:15432:5432"
  "devhost-redis|"
  "devhost-mailpit|"
  "devhost-toolbox|"
)

network_label() { dk network inspect -f "{{index .Labels \"$BENCH_LABEL_KEY\"}}" "$1" 2>/dev/null; }
container_label() { dk container inspect -f "{{index .Config.Labels \"$BENCH_LABEL_KEY\"}}" "$1" 2>/dev/null; }

# ensure_network NAME SUBNET [LABEL...]
ensure_network() {
  local name=$1 subnet=$2; shift 2
  local label
  if label=$(network_label "$name"); then
    [[ $label == devhost ]] || die "network $name exists and is not ours (no $DEVHOST_LABEL): refusing to touch it"
    return 0
  fi
  local args=(--label "$DEVHOST_LABEL") l
  for l in "$@"; do args+=(--label "$l"); done
  dk network create "${args[@]}" --subnet "$subnet" "$name" >/dev/null
}

# ensure_container NAME NETWORK ALIAS [docker run arguments...] -- keeps, starts or creates it
# (NETWORK "": no --network, as a plain `docker run` on the default bridge)
ensure_container() {
  local name=$1 network=$2 alias=$3; shift 3
  local label state
  if label=$(container_label "$name"); then
    [[ $label == devhost ]] || die "container $name exists and is not ours (no $DEVHOST_LABEL): refusing to touch it"
    state=$(dk container inspect -f '{{.State.Status}}' "$name")
    [[ $state == running ]] || dk start "$name" >/dev/null
    return 0
  fi
  local args=(--detach --name "$name" --label "$DEVHOST_LABEL")
  if [[ -n $network ]]; then args+=(--network "$network"); fi
  if [[ -n $alias ]]; then args+=(--network-alias "$alias"); fi
  dk run "${args[@]}" "$@" "$DEVHOST_IMAGE" sleep infinity >/dev/null
}

# ensure_connected NAME NETWORK ALIAS -- the second network, joined once
ensure_connected() {
  local name=$1 network=$2 alias=$3
  local joined
  joined=$(dk container inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}' "$name")
  [[ " $joined " == *" $network "* ]] && return 0
  dk network connect --alias "$alias" "$network" "$name"
}

compose_labels() { # compose_labels PROJECT SERVICE: sets the array LABELS as compose labels a container
  LABELS=(--label "com.docker.compose.project=$1" --label "com.docker.compose.service=$2"
    --label com.docker.compose.container-number=1 --label com.docker.compose.oneoff=False)
}

expected_count() {
  local n=0 p s
  for p in "${PROJECTS[@]}"; do
    read -ra s <<<"${SERVICES[$p]}"
    n=$((n + ${#s[@]}))
  done
  echo $((n + 1 + ${#STANDALONE[@]}))
}

count_running() { dk ps -q --filter "label=$DEVHOST_LABEL" --filter status=running | wc -l; }

up() {
  if ! dk image inspect "$DEVHOST_IMAGE" >/dev/null 2>&1; then
    dk image inspect "$BENCH_SOURCE_IMAGE" >/dev/null 2>&1 \
      || die "image $BENCH_SOURCE_IMAGE is missing: build the lab first (bash .ci/lab/topology-up.sh)"
    dk tag "$BENCH_SOURCE_IMAGE" "$DEVHOST_IMAGE"
  fi
  local t0; t0=$(now_ns)
  ensure_network "$PROXY_NETWORK" "$DEVHOST_SUBNET_PREFIX.100.0/24"
  local i p s front svcs
  for i in "${!PROJECTS[@]}"; do
    p=${PROJECTS[$i]}
    ensure_network "${p}_default" "$DEVHOST_SUBNET_PREFIX.$((i + 1)).0/24" \
      "com.docker.compose.project=$p" "com.docker.compose.network=default"
  done
  local LABELS
  compose_labels edge proxy
  ensure_container edge-proxy-1 "$PROXY_NETWORK" proxy \
    -p "127.0.0.1:$DEVHOST_HTTP_PORT:80" -p "127.0.0.1:$DEVHOST_HTTPS_PORT:443" "${LABELS[@]}"
  for p in "${PROJECTS[@]}"; do
    read -ra svcs <<<"${SERVICES[$p]}"
    front=${svcs[0]}
    for s in "${svcs[@]}"; do
      compose_labels "$p" "$s"
      ensure_container "$p-$s-1" "${p}_default" "$s" "${LABELS[@]}"
    done
    ensure_connected "$p-$front-1" "$PROXY_NETWORK" "$p-$front"
  done
  local entry name extra
  for entry in "${STANDALONE[@]}"; do
    name=${entry%%|*}
    extra=${entry#*|}
    # shellcheck disable=SC2086  # the extra arguments are split on purpose
    ensure_container "$name" "" "" $extra
  done
  local want running
  want=$(expected_count)
  running=$(count_running)
  ((running == want)) || die "$running of $want devhost containers are running"
  log "devhost: $running containers on $((${#PROJECTS[@]} + 1)) networks and the default bridge ($(ms_since "$t0") ms)"
}

down() {
  local t0; t0=$(now_ns)
  local ids; ids=$(dk ps -aq --filter "label=$DEVHOST_LABEL")
  if [[ -n $ids ]]; then xargs -r -n 20 "$DOCKER" -H "unix://$BENCH_SOCK" rm -f <<<"$ids" >/dev/null; fi
  local nets; nets=$(dk network ls -q --filter "label=$DEVHOST_LABEL")
  if [[ -n $nets ]]; then xargs -r -n 20 "$DOCKER" -H "unix://$BENCH_SOCK" network rm <<<"$nets" >/dev/null; fi
  if dk image inspect "$DEVHOST_IMAGE" >/dev/null 2>&1; then dk rmi "$DEVHOST_IMAGE" >/dev/null; fi
  log "devhost removed ($(ms_since "$t0") ms)"
}

status() {
  dk ps -a --filter "label=$DEVHOST_LABEL" --format '{{.Names}}\t{{.Status}}\t{{.Networks}}\t{{.Ports}}' | sort
  dk network ls --filter "label=$DEVHOST_LABEL" --format '{{.Name}}' | sort | tr '\n' ' '
  echo
  log "devhost: $(count_running) of $(expected_count) containers running"
}

case ${1:-} in
  up) up ;;
  down) down ;;
  status) status ;;
  *) die "usage: $0 up | down | status" ;;
esac
