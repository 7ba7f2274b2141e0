#!/usr/bin/env bash
# Capture what the running lab looks like (docker CLI JSON, raw engine API JSON, the
# kernel's view of every namespace, firewall rules) as fixtures for engine-less tests.
#
#   capture.sh [--no-stale] [OUTDIR]     default OUTDIR: <repo>/src/test/resources/captures/lab
#
# Reads state only, with one exception: unless --no-stale is given it first runs and
# force-removes a throw-away container "lab-gone" (label netlens.test=lab) on each
# engine. That leaves a stale namespace file under the engine's netns directory, as
# real hosts have (dockerd garbage-collects such files only after about 60 s), so the
# captures contain one. Every docker JSON goes through strip_env, which deletes each
# "Env" key at any depth, so container environment variables never land in the
# repository. OUTDIR is emptied first.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"

make_stale=1
if [[ ${1:-} == --no-stale ]]; then make_stale=""; shift; fi
repo=$(cd "$here/../.." && pwd)
out=${1:-$repo/src/test/resources/captures/lab}
API=v1.41

command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v curl >/dev/null || die "curl is needed (apt-get install -y curl)"
d1 info >/dev/null 2>&1 || die "engine 1 does not answer; run engines-up.sh"
d2 info >/dev/null 2>&1 || die "node2 engine does not answer; run engines-up.sh"

if [[ -n $make_stale ]]; then
  for eng in d1 d2; do
    "$eng" rm -f lab-gone >/dev/null 2>&1 || true
    "$eng" run -d --name lab-gone --label "$LAB_LABEL" --dns "$N1_ADDR" --stop-timeout 1 \
      "$LAB_IMAGE" sleep infinity >/dev/null
    "$eng" rm -f lab-gone >/dev/null
  done
  log "made stale namespace files (removed running container lab-gone on both engines)"
fi

rm -rf "$out"
mkdir -p "$out/api"
manifest_rows=()

# record FILE COMMAND-TEXT: remember a MANIFEST row
record() { manifest_rows+=("| \`${1#"$out/"}\` | \`$2\` |"); }

strip_env() { jq 'walk(if type == "object" then del(.Env) else . end)'; }

# djson FILE DESCRIPTION CMD...: run a docker command that prints JSON, strip env, save
djson() {
  local file=$1 desc=$2; shift 2
  "$@" | strip_env >"$out/$file"
  record "$out/$file" "$desc"
}

# api FILE SOCKET PATH: GET an engine API path as JSON, strip env, save under api/
api() {
  local file=$1 sock=$2 path=$3
  curl -sf --unix-socket "$sock" "http://localhost/$API$path" | strip_env >"$out/api/$file"
  record "$out/api/$file" "curl --unix-socket $sock http://localhost/$API$path"
}

# ------------------------------------------------------------------ docker CLI
for eng in d1 d2; do
  if [[ $eng == d1 ]]; then p="" sock=$ENGINE1_SOCK; else p="node2-" sock=$NODE2_SOCK; fi
  host="-H unix://$sock"
  djson "${p}docker-info.json" "docker $host info --format '{{json .}}'" "$eng" info --format '{{json .}}'
  djson "${p}docker-version.json" "docker $host version --format '{{json .}}'" "$eng" version --format '{{json .}}'
  "$eng" ps -a --no-trunc --format '{{json .}}' | strip_env >"$out/${p}docker-ps.jsonl"
  record "$out/${p}docker-ps.jsonl" "docker $host ps -a --no-trunc --format '{{json .}}' (one JSON object a line)"
  "$eng" network ls --no-trunc --format '{{json .}}' | strip_env >"$out/${p}docker-network-ls.jsonl"
  record "$out/${p}docker-network-ls.jsonl" "docker $host network ls --no-trunc --format '{{json .}}' (one JSON object a line)"

  # lab networks + built-in ones present on this engine
  mapfile -t nets < <({ "$eng" network ls --format '{{.Name}}' --filter "label=$LAB_LABEL"
    printf '%s\n' bridge host none docker_gwbridge ingress; } | sort -u)
  for n in "${nets[@]}"; do
    "$eng" network inspect "$n" >/dev/null 2>&1 || continue
    djson "${p}network-$n.json" "docker $host network inspect --verbose $n" "$eng" network inspect --verbose "$n"
  done
  mapfile -t ctrs < <("$eng" ps -a --format '{{.Names}}' --filter "label=$LAB_LABEL" | sort)
  for c in "${ctrs[@]}"; do
    djson "${p}container-$c.json" "docker $host inspect $c" "$eng" inspect "$c"
  done
done
# shellcheck disable=SC2016  # $0/$1 are expanded by the inner bash
djson docker-node-ls.json "docker node ls --format '{{json .}}' | jq -s ." \
  bash -c '"$0" -H "$1" node ls --format "{{json .}}" | jq -s .' "$DOCKER" "unix://$ENGINE1_SOCK"

# ------------------------------------------------------------------ engine API
for eng in d1 d2; do
  if [[ $eng == d1 ]]; then p="" sock=$ENGINE1_SOCK; else p="node2-" sock=$NODE2_SOCK; fi
  api "${p}info.json" "$sock" /info
  api "${p}version.json" "$sock" /version
  api "${p}networks.json" "$sock" /networks
  api "${p}containers-json-all.json" "$sock" '/containers/json?all=1'
  while IFS=$'\t' read -r id name; do
    api "${p}networks-$name.json" "$sock" "/networks/$id?verbose=true"
  done < <(jq -r '.[] | [.Id, .Name] | @tsv' "$out/api/${p}networks.json")
  while IFS=$'\t' read -r id name; do
    [[ $name == lab-* ]] || continue
    api "${p}containers-$name.json" "$sock" "/containers/$id/json"
  done < <(jq -r '.[] | [.Id, (.Names[0] | ltrimstr("/"))] | @tsv' "$out/api/${p}containers-json-all.json")
done
api nodes.json "$ENGINE1_SOCK" /nodes

# ------------------------------------------------------------------ kernel view
ip -j -d addr show >"$out/ip-addr.json"
record "$out/ip-addr.json" "ip -j -d addr show (host namespace)"
ip -j route show table main >"$out/ip-routes.json"
record "$out/ip-routes.json" "ip -j route show table main (host namespace)"

# sysctls_of FILE [NSENTER-ARGS...]: the settings the packet tracer reads, one "FILE:VALUE" a line
# (the br_netfilter ones are absent when that module is not loaded)
sysctls_of() {
  local file=$1; shift
  "$@" grep -H -s . /proc/sys/net/ipv4/ip_forward /proc/sys/net/bridge/bridge-nf-call-iptables \
    /proc/sys/net/bridge/bridge-nf-call-ip6tables >"$out/$file" || true
  record "$out/$file" "${*:+$* }grep -H -s . /proc/sys/net/ipv4/ip_forward /proc/sys/net/bridge/bridge-nf-call-ip{,6}tables"
}
sysctls_of sysctls.txt
sysctls_of node2-sysctls.txt nsenter --net="$NODE2_NETNS_PATH"

stale_txt=$out/stale-netns.txt
: >"$stale_txt"
netns_list=$out/netns-files.txt
printf '# path\tnsfs inode (stat -L), or STALE\n' >"$netns_list"
inode_host=$(stat -L -c %i /proc/self/ns/net)
printf '%s\t%s\n' /proc/self/ns/net "$inode_host" >>"$netns_list"

# capture_ns PATH OUTFILE-PREFIX
capture_ns() {
  local path=$1 prefix=$2 err
  if ! err=$(nsenter --net="$path" true 2>&1); then
    printf '%s\t%s\n' "$path" "$err" >>"$stale_txt"
    printf '%s\tSTALE\n' "$path" >>"$netns_list"
    return 0
  fi
  printf '%s\t%s\n' "$path" "$(stat -L -c %i "$path")" >>"$netns_list"
  nsenter --net="$path" ip -j -d addr show >"$out/$prefix.json"
  record "$out/$prefix.json" "nsenter --net=$path ip -j -d addr show"
  nsenter --net="$path" ip -j route show table main >"$out/$prefix-routes.json"
  record "$out/$prefix-routes.json" "nsenter --net=$path ip -j route show table main"
  # VXLAN forwarding entries (remote VTEPs) in overlay namespaces
  if [[ ${path##*/} == 1-* ]]; then
    nsenter --net="$path" bridge -j fdb show >"$out/$prefix-fdb.json"
    record "$out/$prefix-fdb.json" "nsenter --net=$path bridge -j fdb show"
  fi
}

shopt -s nullglob
for f in /var/run/docker/netns/*; do capture_ns "$f" "ns-${f##*/}"; done
for f in "$NODE2_EXEC_ROOT"/netns/*; do capture_ns "$f" "node2-ns-${f##*/}"; done
capture_ns "$NODE2_NETNS_PATH" "ns-node2"
shopt -u nullglob
record "$netns_list" "stat -L -c %i on each namespace file (same inode = same namespace)"
if [[ ! -s $stale_txt ]]; then
  echo "# no stale namespace files at capture time" >"$stale_txt"
fi
record "$stale_txt" "namespace files where 'nsenter --net=PATH true' failed, with its stderr"

# nsid tables: how each namespace numbers the others (resolves link_netnsid).
# Done in a private mount namespace where every namespace file is bind-mounted under
# /run/netns with a readable name; nothing changes outside it.
nsids=$out/netns-ids.json
unshare -m --propagation private bash -s "$NODE2_NETNS_PATH" "$NODE2_EXEC_ROOT/netns" >"$nsids" <<'EOS'
set -euo pipefail
node2=$1 node2dir=$2
keep=$(mktemp -d)
mount -t tmpfs tmpfs "$keep"
declare -A src=()
touch "$keep/host" && mount --bind /proc/self/ns/net "$keep/host" && src[host]=$keep/host
touch "$keep/node2" && mount --bind "$node2" "$keep/node2" && src[node2]=$keep/node2
hostino=$(stat -L -c %i /proc/self/ns/net)
for f in /var/run/docker/netns/*; do
  nsenter --net="$f" true 2>/dev/null || continue
  # "default" (host-mode containers) is the host namespace itself: keep the name "host"
  [[ $(stat -L -c %i "$f") != "$hostino" ]] || continue
  n="d1:${f##*/}"; touch "$keep/$n"; mount --bind "$f" "$keep/$n"; src[$n]=$keep/$n
done
for f in "$node2dir"/*; do
  nsenter --net="$f" true 2>/dev/null || continue
  n="node2:${f##*/}"; touch "$keep/$n"; mount --bind "$f" "$keep/$n"; src[$n]=$keep/$n
done
mount -t tmpfs tmpfs /run/netns
for n in "${!src[@]}"; do touch "/run/netns/$n"; mount --bind "${src[$n]}" "/run/netns/$n"; done
first=1
echo '{'
for n in $(printf '%s\n' "${!src[@]}" | sort); do
  ((first)) || echo ','
  first=0
  printf '  "%s": %s' "$n" "$(ip -j -n "$n" netns list-id)"
done
printf '\n}\n'
EOS
jq . "$nsids" >"$nsids.tmp" && mv "$nsids.tmp" "$nsids"
record "$nsids" "per namespace: ip -j -n NAME netns list-id, with the namespace files bound under /run/netns in a private mount namespace as host, node2, d1:<file under /var/run/docker/netns> (not default: that is host), node2:<file under /run/node2/exec/netns>"

# ------------------------------------------------------------------ firewall
iptables-save >"$out/iptables-save.txt"
record "$out/iptables-save.txt" "iptables-save (host namespace)"
nsenter --net="$NODE2_NETNS_PATH" iptables-save >"$out/node2-iptables-save.txt"
record "$out/node2-iptables-save.txt" "nsenter --net=$NODE2_NETNS_PATH iptables-save"
if command -v nft >/dev/null; then
  nft -j list ruleset | jq . >"$out/nft-ruleset.json"
  record "$out/nft-ruleset.json" "nft -j list ruleset (host namespace)"
  nsenter --net="$NODE2_NETNS_PATH" nft -j list ruleset | jq . >"$out/node2-nft-ruleset.json"
  record "$out/node2-nft-ruleset.json" "nsenter --net=$NODE2_NETNS_PATH nft -j list ruleset"
fi

# ------------------------------------------------------------------ manifest
{
  echo "# Lab captures"
  echo
  echo "Captured $(date -u +%Y-%m-%dT%H:%M:%SZ) by \`.ci/lab/capture.sh\` from the lab built by"
  echo "\`.ci/lab/engines-up.sh\` + \`.ci/lab/topology-up.sh\` (see \`.ci/lab/README.md\`)."
  echo
  echo "- engine: $(d1 version --format 'Docker Engine {{.Server.Version}}, API {{.Server.APIVersion}}, client {{.Client.Version}}') ($DOCKER)"
  echo "- node2 engine: $(d2 version --format 'Docker Engine {{.Server.Version}}, API {{.Server.APIVersion}}')"
  echo "- iproute2: $(ip -V)"
  echo "- iptables: $(iptables --version)"
  command -v nft >/dev/null && echo "- nftables: $(nft --version)"
  echo "- kernel: $(uname -r)"
  echo
  echo "Engine 1 is unix://$ENGINE1_SOCK in the host namespace; node2 is unix://$NODE2_SOCK,"
  echo "a second dockerd in network namespace \`$NODE2_NETNS_PATH\` (veth $N1_IF $N1_ADDR <-> $N2_IF $N2_ADDR)."
  echo "Files of node2 start with \`node2-\`. \`ns-node2.json\` is node2's root namespace; \`ns-default.json\`"
  echo "is engine 1's file for host-mode containers (the host namespace itself)."
  echo "Every \"Env\" key was deleted from docker/API JSON (jq \`walk(... del(.Env))\`)."
  echo "CLI JSON is pretty-printed by jq; API JSON is the engine's answer, pretty-printed."
  if [[ -n $make_stale ]]; then
    echo "Just before capturing, a running throw-away container \`lab-gone\` was force-removed on each"
    echo "engine, so each netns directory holds one stale file (see \`stale-netns.txt\`)."
  fi
  echo
  echo "Reading the kernel view:"
  echo "- \`link_netnsid\` is an id local to the namespace that reports it; \`netns-ids.json\` gives,"
  echo "  for every namespace, which namespace each of its ids names. \`link_index\` is the peer's"
  echo "  ifindex inside that namespace. Ifindexes are per namespace (node2's start again at 1)."
  echo "- A \`vxlan\` device reports its own ifindex as \`link_index\` with \`link_netnsid\` of the"
  echo "  underlay namespace: that is not a peer. Its VNI is \`linkinfo.info_data.id\`; the remote"
  echo "  VTEPs are the \`dst\` entries of \`*-fdb.json\`."
  echo "- \`netns-files.txt\` has the nsfs inode of every namespace file: equal inodes are the"
  echo "  same namespace (e.g. \`default\` and the host); a container's \`NetworkSettings.SandboxKey\`"
  echo "  names its file (an exited container keeps a SandboxKey whose file is stale or already gone)."
  echo
  echo "| file | produced by |"
  echo "|---|---|"
  printf '%s\n' "${manifest_rows[@]}" | sort
  echo "| \`MANIFEST.md\` | this file |"
} >"$out/MANIFEST.md"

log "captured $(find "$out" -type f | wc -l) files into $out"
