#!/usr/bin/env bash
# Builds Netlens if needed and opens its window. With no Docker engine reachable it opens on the
# built-in demo topology. Usage: bash scripts/run.sh [netlens options, e.g. --host URI]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk)
# JavaFX's Linux toolkit loads GTK 3 (and these X libraries) at start; a server's headless JDK lacks them.
# Looked up by library, not package name (Ubuntu 24.04 calls the GTK package libgtk-3-0t64).
if [[ $(uname -s) == Linux ]] && command -v apt-get >/dev/null; then
  libs=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null || true)
  [[ -n $libs ]] && for lib_pkg in libgtk-3.so.0:libgtk-3-0 libXtst.so.6:libxtst6 libXxf86vm.so.1:libxxf86vm1 libGL.so.1:libgl1; do
    grep -qF "${lib_pkg%%:*} " <<<"$libs" || need+=("${lib_pkg#*:}")
  done
fi
if ((${#need[@]})); then
  echo "[run] installing: ${need[*]}"
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  # apt's own chatter (debconf notes on a minimal system) is shown only when the install fails.
  apt_log=$(mktemp)
  if ! { "${sudo_cmd[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}"; } >"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    rm -f "$apt_log"
    echo "[run] could not install: ${need[*]}" >&2
    exit 1
  fi
  rm -f "$apt_log"
fi

jar=target/netlens.jar
if [[ ! -f $jar ]] || [[ -n $(find pom.xml src -newer "$jar" -print -quit) ]]; then
  echo "[run] building $jar"
  # The build's output (Maven 3.8 writes colour resets even when quiet) is shown only when it fails.
  build_log=$(mktemp)
  if ! mvn -q -B -ntp -DskipTests package >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    echo "[run] the build failed (output above)" >&2
    exit 1
  fi
  rm -f "$build_log"
fi
exec java -jar "$jar" "$@"
