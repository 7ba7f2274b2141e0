#!/usr/bin/env bash
# Remove the lab topology: exactly the containers, services and networks labelled
# netlens.test=lab on both engines, plus the macvlan parent veth mvparent0/mvpeer0.
# Engines, swarm, node2 namespace and images are kept (see engines-down.sh).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

clients=()
if d1 info >/dev/null 2>&1; then clients+=(d1); else log "engine 1 does not answer, skipping it"; fi
if d2 info >/dev/null 2>&1; then clients+=(d2); else log "node2 engine does not answer, skipping it"; fi

# rm_each CLIENT KIND LIST-CMD...: remove every id printed by LIST-CMD
rm_each() {
  local client=$1 kind=$2; shift 2
  local ids=()
  mapfile -t ids < <("$@")
  ((${#ids[@]})) || return 0
  log "$client: removing ${#ids[@]} ${kind}(s)"
  case $kind in
    service) "$client" service rm "${ids[@]}" >/dev/null ;;
    container) "$client" rm -f "${ids[@]}" >/dev/null ;;
    network) "$client" network rm "${ids[@]}" >/dev/null ;;
  esac
}

for c in "${clients[@]}"; do
  if [[ $("$c" info --format '{{.Swarm.ControlAvailable}}') == true ]]; then
    rm_each "$c" service "$c" service ls -q --filter "label=$LAB_LABEL"
  fi
done
for c in "${clients[@]}"; do
  rm_each "$c" container "$c" ps -aq --filter "label=$LAB_LABEL"
done
for c in "${clients[@]}"; do
  # a swarm network stays busy until the workers have released their attachments, and a
  # worker drops its copy once nothing uses it: retry for a while
  for try in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do
    mapfile -t ids < <("$c" network ls -q --filter "label=$LAB_LABEL")
    ((${#ids[@]})) || break
    ((try > 1)) || log "$c: removing ${#ids[@]} network(s)"
    if ((try == 15)); then
      "$c" network rm "${ids[@]}" >/dev/null || log "$c: could not remove all lab networks"
      break
    fi
    "$c" network rm "${ids[@]}" >/dev/null 2>&1 || sleep 1
  done
done

if ip link show mvparent0 >/dev/null 2>&1; then
  log "deleting veth mvparent0 (and its peer mvpeer0)"
  ip link del mvparent0
fi
log "lab topology removed"
