#!/usr/bin/env bash
# Builds Netlens if needed and opens its window. With no Docker engine reachable it opens on the
# built-in demo topology. Usage: bash scripts/run.sh [netlens options, e.g. --host URI]
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v mvn >/dev/null || need+=(maven)
command -v javac >/dev/null || need+=(openjdk-17-jdk)
if ((${#need[@]})); then
  echo "[run] installing: ${need[*]}"
  sudo_cmd=(); [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
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
