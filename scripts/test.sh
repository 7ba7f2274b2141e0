#!/usr/bin/env bash
# Runs Netlens's whole test suite on a fresh Debian machine: installs what the tests need, starts
# two real Docker engines (a two-node swarm) with the lab topology, then runs Maven.
# Usage: bash scripts/test.sh [extra maven args]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk-headless)
command -v dockerd >/dev/null || need+=(docker.io)
command -v iptables-save >/dev/null || need+=(iptables)
command -v nsenter >/dev/null || need+=(util-linux)
command -v ip >/dev/null || need+=(iproute2)
command -v ssh >/dev/null || need+=(openssh-client)
[[ -x /usr/sbin/sshd ]] || need+=(openssh-server) # the ssh:// engine test runs an sshd of its own
[[ -x /usr/bin/tcpdump || -x /usr/sbin/tcpdump ]] || need+=(tcpdump)
[[ -x /usr/sbin/nft ]] || need+=(nftables) # the firewall tests read Docker's rules through nft too
[[ -x /bin/busybox ]] || need+=(busybox-static)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  echo "[test] installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

bash .ci/lab/engines-up.sh
bash .ci/lab/topology-up.sh

# Engine tests fail (never skip) when NETLENS_REQUIRE_ENGINE or CI is true.
export NETLENS_REQUIRE_ENGINE=true
# -Pbench also compiles the benchmark sources (into target/bench-classes), so they cannot drift.
mvn -B -ntp -Pbench verify "$@"

# The .deb: build, install, run the installed copy, remove (prints "packaging: N passed, M failed").
bash packaging/linux/test-deb.sh
