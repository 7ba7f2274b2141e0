# shellcheck shell=bash
# Shared settings and helpers for the Netlens Docker lab scripts. Sourced, not run.
# shellcheck disable=SC2034  # settings are used by the scripts that source this file

LAB_LABEL=netlens.test=lab
LAB_IMAGE=netlens/busybox:lab
LAB_STATE_DIR=${LAB_STATE_DIR:-/run/netlens-lab}   # our own pid files live here

ENGINE1_SOCK=/var/run/docker.sock
ENGINE1_LOG=/tmp/dockerd.log

NODE2_NETNS=node2
NODE2_NETNS_PATH=/var/run/netns/node2
NODE2_ROOT=/run/node2
NODE2_EXEC_ROOT=/run/node2/exec
NODE2_DATA_ROOT=/var/lib/docker-node2
NODE2_PIDFILE=/run/node2/docker.pid
NODE2_SOCK=/run/node2/docker.sock
NODE2_LOG=/tmp/dockerd-node2.log

N1_IF=n1-eth
N2_IF=n2-eth
N1_ADDR=198.18.0.1
N2_ADDR=198.18.0.2

# Prefer the client that ships with docker.io (matches the engine); a different
# `docker` earlier in PATH (e.g. /usr/local/bin/docker) is used only as fallback.
if [[ -z ${DOCKER:-} ]]; then
  if [[ -x /usr/bin/docker ]]; then DOCKER=/usr/bin/docker; else DOCKER=docker; fi
fi

d1() { "$DOCKER" -H "unix://$ENGINE1_SOCK" "$@"; }
d2() { "$DOCKER" -H "unix://$NODE2_SOCK" "$@"; }

log() { printf '[lab %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# pid_is PID NAME: true when PID is alive (not a zombie) and its command name is NAME.
pid_is() {
  local pid=$1 name=$2 comm state
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  comm=$(cat "/proc/$pid/comm" 2>/dev/null) || return 1
  state=$(awk '$1 == "State:" { print $2 }' "/proc/$pid/status" 2>/dev/null) || return 1
  [[ $comm == "$name" && $state != Z ]]
}

# read_pid FILE: print the pid stored in FILE (empty when missing/garbage).
read_pid() {
  local f=$1 pid=""
  if [[ -r $f ]]; then read -r pid <"$f" 2>/dev/null || true; fi
  [[ $pid =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
  return 0
}

# wait_until TIMEOUT_S DESCRIPTION CMD...: poll CMD every 0.5 s.
wait_until() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      log "timed out after ${timeout}s waiting for: $what"
      return 1
    fi
    sleep 0.5
  done
}

# node2 over TCP (node2-tcp-up.sh): plain and TLS, on node2's own underlay address only.
NODE2_TCP_PORT=2375
NODE2_TLS_PORT=2376
NODE2_TLS_DIR=${NODE2_TLS_DIR:-$LAB_STATE_DIR/node2-tls}
