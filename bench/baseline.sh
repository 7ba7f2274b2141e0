#!/usr/bin/env bash
# The bare collection Netlens's discovery is measured against: the same engine API calls Netlens
# makes (/info, /version, /networks, each /networks/ID?verbose=true, /containers/json?all=1, each
# /containers/ID/json) with curl, then one `ip -j -d addr show` in the engine's namespace and one
# `nsenter --net=FILE ip -j -d addr show` per namespace file, keeping every answer in a folder.
#   bash bench/baseline.sh PARALLEL     PARALLEL=1: one call at a time; 4: as Netlens's pool
# Prints one line: "api_ms=N kernel_ms=N total_ms=N networks=N containers=N namespaces=N".
# With BENCH_FIREWALL=1 it also times what Netlens adds after the namespaces (iptables-save,
# ip6tables-save, nft -j list ruleset), reported apart as firewall_ms, not in total_ms.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
P=${1:?parallelism}
NETNS_DIR=${BENCH_NETNS_DIR:-/var/run/docker/netns}
out=$(mktemp -d /tmp/netlens-baseline.XXXXXX)
[[ -n ${BENCH_KEEP:-} ]] && echo "keeping $out" >&2 || trap 'rm -rf "$out"' EXIT

get() { curl -sf --unix-socket "$BENCH_SOCK" -o "$2" "http://localhost$1"; }
# get_each PATH_TEMPLATE PREFIX IDS_FILE: one curl for the whole list (one connection at a time
# reused when P=1, P connections side by side otherwise), as lean as a script can ask.
get_each() {
  local template=$1 prefix=$2 ids=$3 cfg="$out/$2.curl"
  while read -r id; do
    printf 'url = "http://localhost%s"\noutput = "%s/%s-%s.json"\n' "${template//\{\}/$id}" "$out" "$prefix" "$id"
  done <"$ids" >"$cfg"
  [[ -s $cfg ]] || return 0
  if ((P > 1)); then
    curl -sf --no-progress-meter --unix-socket "$BENCH_SOCK" --parallel --parallel-max "$P" -K "$cfg"
  else
    curl -sf --no-progress-meter --unix-socket "$BENCH_SOCK" -K "$cfg"
  fi
}

t0=$(now_ns)
get /info "$out/info.json"
get /version "$out/version.json"
get /networks "$out/networks.json"
jq -r '.[].Id' "$out/networks.json" >"$out/network-ids"
get_each '/networks/{}?verbose=true' n "$out/network-ids"
get '/containers/json?all=1' "$out/containers.json"
jq -r '.[].Id' "$out/containers.json" >"$out/container-ids"
get_each '/containers/{}/json' c "$out/container-ids"
api_ms=$(ms_since "$t0")

t1=$(now_ns)
ip -j -d addr show >"$out/ns-host.json"
# Every namespace file but "default" (the engine's own, read above); stale files fail, as in Netlens.
find "$NETNS_DIR" -mindepth 1 -maxdepth 1 ! -name default -printf '%f\n' >"$out/ns-files"
xargs -r -P "$P" -I{} sh -c 'nsenter --net="$1/$2" ip -j -d addr show >"$3/ns-$2.json" 2>/dev/null || true' \
  _ "$NETNS_DIR" {} "$out" <"$out/ns-files"
kernel_ms=$(ms_since "$t1")
total_ms=$(ms_since "$t0")

extra=""
if [[ ${BENCH_FIREWALL:-0} == 1 ]]; then
  t2=$(now_ns)
  iptables-save >"$out/iptables" 2>/dev/null || true
  ip6tables-save >"$out/ip6tables" 2>/dev/null || true
  if command -v nft >/dev/null; then nft -j list ruleset >"$out/nft" 2>/dev/null || true; fi
  extra=" firewall_ms=$(ms_since "$t2")"
fi
echo "api_ms=$api_ms kernel_ms=$kernel_ms total_ms=$total_ms networks=$(wc -l <"$out/network-ids")" \
  "containers=$(wc -l <"$out/container-ids") namespaces=$(($(wc -l <"$out/ns-files") + 1))$extra"
