#!/usr/bin/env bash
# Stop the lab engines that engines-up.sh started (pids recorded in $LAB_STATE_DIR).
# Engines it did not start are left alone. Swarm state, the node2 namespace, the
# veth pair, containers and data directories are kept, so engines-up.sh can resume.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

# stop_engine NAME OUR-PIDFILE CONTAINERD-PIDFILE
stop_engine() {
  local name=$1 ours=$2 ctrd_file=$3 pid ctrd
  pid=$(read_pid "$ours")
  if [[ -z $pid ]]; then
    log "$name: not started by the lab scripts (no $ours), leaving it alone"
    return 0
  fi
  if ! pid_is "$pid" dockerd; then
    log "$name: pid $pid no longer runs dockerd, removing $ours"
    rm -f "$ours"
    return 0
  fi
  ctrd=$(read_pid "$ctrd_file")
  log "$name: stopping dockerd pid $pid"
  kill -TERM "$pid"
  # shellcheck disable=SC2016  # $1 is expanded by the inner bash
  # dockerd stops its containers first (10 s stop timeout for PID-1 sleepers)
  if ! wait_until 45 "$name dockerd to exit" bash -c '! kill -0 "$1" 2>/dev/null' _ "$pid"; then
    log "$name: sending SIGKILL to $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # its managed containerd normally exits with it; end it only if it is still ours
  if [[ -n $ctrd ]] && pid_is "$ctrd" containerd; then
    # shellcheck disable=SC2016
    wait_until 10 "$name containerd to exit" bash -c '! kill -0 "$1" 2>/dev/null' _ "$ctrd" ||
      { log "$name: stopping leftover containerd $ctrd"; kill -TERM "$ctrd" 2>/dev/null || true; }
  fi
  rm -f "$ours"
}

# node2's TCP and TLS forwarders (node2-tcp-up.sh), by their recorded pids
for f in "$LAB_STATE_DIR/node2-tcp.pid" "$LAB_STATE_DIR/node2-tls.pid"; do
  pid=$(read_pid "$f")
  if [[ -n $pid ]] && { pid_is "$pid" socat || pid_is "$pid" stunnel4; }; then log "stopping node2 forwarder $pid"; kill -TERM "$pid" 2>/dev/null || true; fi
  rm -f "$f"
done
stop_engine "node2 engine" "$LAB_STATE_DIR/node2.pid" "$NODE2_EXEC_ROOT/containerd/containerd.pid"
stop_engine "engine 1" "$LAB_STATE_DIR/engine1.pid" /var/run/docker/containerd/containerd.pid
