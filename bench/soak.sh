#!/usr/bin/env bash
# The soak of issue 15 (dev.netlens.bench.SoakBench): minutes of churn on both lab engines with the
# live window open (headless Monocle), engine 2 stopped and started again twice, then the checks.
# Needs root, the two-engine lab up (.ci/lab/engines-up.sh) and netlens/busybox:lab on both engines
# (never pulled). Everything it makes is named nlsoak- and labelled netlens.soak=1, on subnets in
# 100.64.96.0/20; it is removed at the start (leftovers) and at the end.
#
#   bash bench/soak.sh            # the failure paths (CliFailurePathsTest), then 10 minutes of soak;
#                                 # SOAK_MINUTES=1 for a short run while developing, SOAK_FAILURE_PATHS=0
#                                 # without the failure paths, SOAK_NOTE="..." a note under the figures
#   bash bench/soak.sh cleanup    # removes nlsoak- objects from both engines
#   bash bench/soak.sh node2-down # (SoakBench) stops engine 2, remembering which lab containers ran
#   bash bench/soak.sh node2-up   # (SoakBench) starts engine 2 as the lab does, and those containers
#
# Figures: target/soak/soak.json and failure-paths.tsv (logs beside them); a 10-minute run writes both
# into docs/benchmarks.md, sections "Soak" and "Failure paths" (SOAK_REPORT=FILE: elsewhere, any length).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
LAB=.ci/lab
source "$LAB/lib.sh"
OUT=target/soak
SOAK_LABEL=netlens.soak=1
mkdir -p "$OUT"

cleanup_engine() {
  local sock=$1 ids
  ids=$("$DOCKER" -H "unix://$sock" ps -aq --filter "label=$SOAK_LABEL" 2>/dev/null || true)
  if [[ -n $ids ]]; then "$DOCKER" -H "unix://$sock" rm -f $ids >/dev/null; fi
  ids=$("$DOCKER" -H "unix://$sock" network ls -q --filter "label=$SOAK_LABEL" 2>/dev/null || true)
  if [[ -n $ids ]]; then "$DOCKER" -H "unix://$sock" network rm $ids >/dev/null; fi
}
cleanup() { cleanup_engine "$ENGINE1_SOCK"; cleanup_engine "$NODE2_SOCK"; }

node2_down() {
  # The lab's own containers that run now: started again once the engine is back.
  d2 ps --format '{{.Names}}' | grep -v '^nlsoak-' >"$OUT/node2-running" || true
  local pid
  pid=$(read_pid "$NODE2_PIDFILE")
  [[ -n $pid ]] || die "no node2 engine pid in $NODE2_PIDFILE"
  log "stopping node2 engine (pid $pid)"
  kill -TERM "$pid"
  local deadline=$((SECONDS + 45))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.5
  done
}

node2_up() {
  # Exactly as the lab starts it (netns, nsenter, flags, pid file, swarm worker ready).
  bash "$LAB/engines-up.sh" >>"$OUT/engines-up.log" 2>&1 || { tail -20 "$OUT/engines-up.log" >&2; die "engines-up.sh failed"; }
  local name tries
  while read -r name; do
    [[ -n $name ]] || continue
    for tries in 1 2 3 4 5 6 7 8 9 10; do
      [[ $(d2 inspect -f '{{.State.Running}}' "$name" 2>/dev/null) == true ]] && break
      d2 start "$name" >/dev/null 2>&1 || sleep 2
    done
    [[ $(d2 inspect -f '{{.State.Running}}' "$name" 2>/dev/null) == true ]] || die "lab container $name did not start again on node2"
  done <"$OUT/node2-running"
  # The overlay works again: lab-o2 (node2) reaches o1 (engine 1) through the VXLAN tunnel.
  if grep -qx lab-o2 "$OUT/node2-running"; then
    wait_until 60 "lab-o2 to reach o1 over the overlay" \
      bash -c "'$DOCKER' -H 'unix://$NODE2_SOCK' exec lab-o2 ping -c1 -W2 o1 >/dev/null 2>&1"
    log "node2 back: swarm worker ready, overlay lab-o2 -> o1 answers"
  fi
}

case ${1:-run} in
  cleanup) cleanup ;;
  node2-down) node2_down ;;
  node2-up) node2_up ;;
  run)
    [[ $(id -u) -eq 0 ]] || die "run as root (the kernel view uses nsenter; engine 2 is restarted)"
    d1 info >/dev/null 2>&1 || die "engine 1 does not answer on $ENGINE1_SOCK"
    d2 info >/dev/null 2>&1 || die "engine 2 does not answer on $NODE2_SOCK"
    for s in "$ENGINE1_SOCK" "$NODE2_SOCK"; do
      "$DOCKER" -H "unix://$s" image inspect netlens/busybox:lab >/dev/null 2>&1 \
        || die "netlens/busybox:lab is missing on $s (bash .ci/lab/engines-up.sh makes it; never pulled)"
    done
    trap cleanup EXIT
    log "removing nlsoak- leftovers"
    cleanup
    if [[ ${SOAK_BUILD:-1} == 1 ]]; then
      log "building (target/netlens.jar and target/bench-classes)"
      mvn -B -q -ntp -o -Pbench -DskipTests package
    fi
    MONOCLE=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true
      -Dprism.text=t2k -Dheadless.geometry=1920x1080-32)
    CP=target/bench-classes:target/netlens.jar:target/bench-lib/openjfx-monocle.jar
    machine="$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), Docker $(d1 version --format '{{.Server.Version}}'), $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
    # The failure paths of the command line in the same run (issue 15: both sets of figures from one run):
    # CliFailurePathsTest against the lab engines, its cases written to failure-paths.tsv.
    fp_status=skipped
    if [[ ${SOAK_FAILURE_PATHS:-1} == 1 ]]; then
      log "failure paths: CliFailurePathsTest (log $OUT/failure-paths.log)"
      rm -f "$OUT/failure-paths.tsv"
      if NETLENS_REQUIRE_ENGINE=true mvn -B -q -ntp -o test -Dtest=CliFailurePathsTest -Dsurefire.failIfNoSpecifiedTests=false \
          -Dnetlens.failurePaths.rows="$PWD/$OUT/failure-paths.tsv" >"$OUT/failure-paths.log" 2>&1; then
        fp_status=true
      else
        fp_status=false
        log "failure paths: CliFailurePathsTest FAILED (see $OUT/failure-paths.log)"
      fi
      [[ -s $OUT/failure-paths.tsv ]] || die "CliFailurePathsTest wrote no cases ($OUT/failure-paths.log)"
      log "failure paths: $(wc -l <"$OUT/failure-paths.tsv") cases, passed: $fp_status"
    fi
    log "soak: ${SOAK_MINUTES:-10} minutes of churn (log $OUT/soak.log)"
    status=0
    # Soft references cleared at every collection: the heap readings (a full GC before each class
    # histogram) then count what is strongly held. Without it they counted JavaFX's effect image pool
    # (com.sun.scenario.effect.impl.ImagePool: bitmaps of the cached overview names kept for reuse
    # through soft references, which the JVM frees before it would run out of memory), growing as the
    # churn brought new names (the soak of 20:29: 12 -> 100 render textures).
    java "${MONOCLE[@]}" -XX:SoftRefLRUPolicyMSPerMB=0 -Dsoak.minutes="${SOAK_MINUTES:-10}" -Dsoak.out="$OUT" -Dsoak.machine="$machine" \
      -Dsoak.note="${SOAK_NOTE:-}" -Djava.util.prefs.userRoot="$OUT/prefs" \
      -cp "$CP" dev.netlens.bench.SoakBench 2>&1 | tee "$OUT/soak.log" || status=$?
    # Only a full-length run writes the report (SOAK_REPORT=FILE writes a shorter one elsewhere).
    report=${SOAK_REPORT:-docs/benchmarks.md}
    if [[ -n ${SOAK_REPORT:-} ]] || awk "BEGIN { exit !(${SOAK_MINUTES:-10} >= 10) }"; then
      java -cp "$CP" dev.netlens.bench.SoakBench report "$OUT/soak.json" "$report"
      log "wrote the Soak section of $report"
      if [[ $fp_status != skipped ]]; then
        java -cp "$CP" dev.netlens.bench.SoakBench failure-paths "$OUT/failure-paths.tsv" "$fp_status" "$OUT/soak.json" "$report"
        log "wrote the Failure paths section of $report"
      fi
    fi
    [[ $fp_status != false ]] || status=1
    exit "$status"
    ;;
  *) die "unknown command $1 (run, cleanup, node2-down, node2-up)" ;;
esac
