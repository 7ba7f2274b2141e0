# shellcheck shell=bash
# Shared settings and helpers for the benchmark harness. Sourced, not run.

# Label, names, tag and subnets can be set apart (BENCH_LABEL_KEY=... BENCH_PREFIX=...) for a second
# workload beside a run of bench/run.sh on a shared machine; its `down` touches only its own.
BENCH_LABEL_KEY=${BENCH_LABEL_KEY:-netlens.bench}
BENCH_LABEL="$BENCH_LABEL_KEY=1"
BENCH_PREFIX=${BENCH_PREFIX:-nlbench}      # names of our networks and containers
BENCH_SOURCE_IMAGE=${BENCH_SOURCE_IMAGE:-netlens/busybox:lab}
BENCH_IMAGE=${BENCH_IMAGE:-netlens/busybox:bench}   # our own tag: the lab may drop its tag mid-run
BENCH_SOCK=${BENCH_SOCK:-/var/run/docker.sock}
# Our subnets: 198.19.N.0/24, the RFC 2544 benchmarking range (the lab uses 198.18.0.0/24).
BENCH_SUBNET_PREFIX=${BENCH_SUBNET_PREFIX:-198.19}

# The client shipped with the engine package matches its API version (see .ci/lab/lib.sh).
if [[ -z ${DOCKER:-} ]]; then
  if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi
dk() { "$DOCKER" -H "unix://$BENCH_SOCK" "$@"; }

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# wait_until TIMEOUT_S DESCRIPTION CMD...: poll CMD every 0.5 s.
wait_until() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    ((SECONDS >= deadline)) && { log "timed out after ${timeout}s waiting for: $what"; return 1; }
    sleep 0.5
  done
}
