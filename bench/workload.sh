#!/usr/bin/env bash
# Creates and removes the benchmark workload on the local engine: running busybox containers
# (`sleep infinity`) spread round-robin over user bridge networks, all labelled netlens.bench=1.
# It touches nothing without that label.
#   bash bench/workload.sh up CONTAINERS NETWORKS   grow the workload to this size (idempotent)
#   bash bench/workload.sh down                     remove everything with our label, and our image tag
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PARALLEL=${BENCH_CREATE_PARALLEL:-6}

count_running() { dk ps -q --filter "label=$BENCH_LABEL" --filter status=running | wc -l; }

up() {
  local want_c=$1 want_n=$2
  ((want_n <= 250)) || die "at most 250 networks (one /24 each in $BENCH_SUBNET_PREFIX.0.0/16)"
  if ! dk image inspect "$BENCH_IMAGE" >/dev/null 2>&1; then
    dk image inspect "$BENCH_SOURCE_IMAGE" >/dev/null 2>&1 \
      || die "image $BENCH_SOURCE_IMAGE is missing: build the lab first (bash .ci/lab/topology-up.sh)"
    dk tag "$BENCH_SOURCE_IMAGE" "$BENCH_IMAGE"
  fi
  local t0; t0=$(now_ns)
  local existing; existing=$(dk network ls --filter "label=$BENCH_LABEL" --format '{{.Name}}')
  local i
  for ((i = 0; i < want_n; i++)); do
    grep -qx "$BENCH_PREFIX-net-$i" <<<"$existing" && continue
    dk network create --label "$BENCH_LABEL" --subnet "$BENCH_SUBNET_PREFIX.$i.0/24" \
      "$BENCH_PREFIX-net-$i" >/dev/null
  done
  # Containers c<i> join network i mod NETWORKS. Growing 50/5 -> 200/20 keeps the old ones where
  # they are, so the spread is near even (not exact) at each size; the figures name the real counts.
  local have; have=$(dk ps -a --filter "label=$BENCH_LABEL" --format '{{.Names}}')
  for ((i = 0; i < want_c; i++)); do
    grep -qx "$BENCH_PREFIX-c$i" <<<"$have" || printf '%s %s\n' "$i" "$((i % want_n))"
  done | xargs -r -P "$PARALLEL" -L1 bash -c '
      "$0" -H "unix://$1" run -d --label "$2" --network "$3-net-$6" --name "$3-c$5" "$4" sleep infinity >/dev/null' \
      "$DOCKER" "$BENCH_SOCK" "$BENCH_LABEL" "$BENCH_PREFIX" "$BENCH_IMAGE" 2>&1 | sed 's/^/[workload] /' >&2 || true
  local running; running=$(count_running)
  ((running >= want_c)) || die "only $running of $want_c benchmark containers are running"
  log "workload: $running containers on $want_n networks ($(ms_since "$t0") ms to create)"
}

down() {
  local t0; t0=$(now_ns)
  local ids; ids=$(dk ps -aq --filter "label=$BENCH_LABEL")
  [[ -n $ids ]] && xargs -r -P "$PARALLEL" -n 20 "$DOCKER" -H "unix://$BENCH_SOCK" rm -f <<<"$ids" >/dev/null
  local nets; nets=$(dk network ls -q --filter "label=$BENCH_LABEL")
  [[ -n $nets ]] && xargs -r -n 20 "$DOCKER" -H "unix://$BENCH_SOCK" network rm <<<"$nets" >/dev/null
  dk image inspect "$BENCH_IMAGE" >/dev/null 2>&1 && dk rmi "$BENCH_IMAGE" >/dev/null
  log "workload removed ($(ms_since "$t0") ms)"
}

case ${1:-} in
  up) up "${2:?containers}" "${3:?networks}" ;;
  down) down ;;
  *) die "usage: $0 up CONTAINERS NETWORKS | down" ;;
esac
