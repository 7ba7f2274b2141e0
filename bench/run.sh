#!/usr/bin/env bash
# Netlens benchmark harness (issue 6): builds, creates its own workloads on the local engine,
# measures each figure beside its baseline in the same run, removes what it created and rewrites
# docs/benchmarks.md. Needs root (nsenter), a running engine on /var/run/docker.sock and the lab
# image netlens/busybox:lab (bash .ci/lab/topology-up.sh makes it).
#
#   bash bench/run.sh
#
# Knobs (environment): BENCH_ROUNDS (5) measured rounds per figure, BENCH_WARMUP (3) warm-up
# discoveries, BENCH_SCALES ("50:5 200:20 500:50" containers:networks), BENCH_HEAP_RUNS (3),
# BENCH_REPORT (docs/benchmarks.md), BENCH_UI_ROUNDS (3) rounds of the synthetic-graph UI figures,
# BENCH_STARTS (100) container starts for start event -> canvas, BENCH_IDLE_SECONDS (60).
# Not to be run beside the test suite: both use engine 1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

ROUNDS=${BENCH_ROUNDS:-5}
WARMUP=${BENCH_WARMUP:-3}
SCALES=${BENCH_SCALES:-"50:5 200:20 500:50"}
HEAP_RUNS=${BENCH_HEAP_RUNS:-3}
REPORT=${BENCH_REPORT:-docs/benchmarks.md}
UI_ROUNDS=${BENCH_UI_ROUNDS:-3}
STARTS=${BENCH_STARTS:-100}
IDLE_S=${BENCH_IDLE_SECONDS:-60}
OUT=target/bench
RESULTS=$OUT/results.jsonl
JAR=target/netlens.jar
CP=target/bench-classes:$JAR
# The UI benches run JavaFX headless under Monocle, as the tests do (Monocle: target/bench-lib, -Pbench).
UICP=$CP:target/bench-lib/openjfx-monocle.jar
MONOCLE=(-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true
  -Dprism.text=t2k -Dheadless.geometry=1920x1080-32)
XDISPLAY=:95
started=$SECONDS

[[ $(id -u) -eq 0 ]] || die "run as root: the kernel baseline and Netlens's kernel view use nsenter"
# The first-frame figures open real windows under Xvfb: JavaFX's GTK toolkit needs libgtk-3 there.
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null) | grep -qF 'libgtk-3.so.0 ' || need+=(libgtk-3-0)
if ((${#need[@]})); then
  log "installing: ${need[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || die "could not install ${need[*]}"
fi
for tool in "$DOCKER" curl jq nsenter ip java mvn Xvfb; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
dk info >/dev/null 2>&1 || die "no engine answers on $BENCH_SOCK"

log "building ($JAR and target/bench-classes)"
mvn -B -q -ntp -Pbench -DskipTests package
mkdir -p "$OUT"
: >"$RESULTS"

serve_pid="" xvfb_pid=""
cleanup() {
  if [[ -n $serve_pid ]]; then kill "$serve_pid" 2>/dev/null || true; fi
  if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  bash bench/workload.sh down || log "cleanup failed: remove containers/networks labelled $BENCH_LABEL by hand"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "removing leftovers labelled $BENCH_LABEL"
bash bench/workload.sh down

# emit_metric NAME SCALE UNIT SAMPLE...
emit_metric() {
  local name=$1 scale=$2 unit=$3; shift 3
  local IFS=,
  printf '{"metric":"%s","scale":"%s","unit":"%s","samples":[%s]}\n' "$name" "$scale" "$unit" "$*" >>"$RESULTS"
}
# emit_meta NAME JSON-OBJECT-FIELDS (jq -n arguments)
emit_meta() { local name=$1; shift; jq -cn --arg meta "$name" "$@" '$ARGS.named' >>"$RESULTS"; }
# time_ms CMD...: run CMD (its output discarded), print its wall time in ms
time_ms() { local t0; t0=$(now_ns); "$@" >/dev/null; ms_since "$t0"; }
field() { sed -n "s/.*\b$1=\([0-9]*\).*/\1/p" <<<"$2"; }

emit_meta machine \
  --arg date "$(date -u +%Y-%m-%dT%H:%MZ)" \
  --arg cores "$(nproc)" \
  --arg cpu "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" \
  --arg memory "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)" \
  --arg kernel "$(uname -r)" \
  --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" \
  --arg engine "$(dk version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')" \
  --arg java "$(java -version 2>&1 | head -1)" \
  --arg commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src/main || echo ' + uncommitted changes in src/main')" \
  --arg rounds "$ROUNDS" --arg warmup "$WARMUP" \
  --arg load "$(cut -d' ' -f1-3 /proc/loadavg)"

log "JVM start floor: java -jar $JAR --version"
samples=()
for ((r = 0; r < ROUNDS; r++)); do samples+=("$(time_ms java -jar "$JAR" --version)"); done
emit_metric jvm_start - ms "${samples[@]}"

# ---- user interface figures ---------------------------------------------------------------------
log "UI: layout, frames, export of the synthetic 2,000-node graph ($UI_ROUNDS rounds)"
java "${MONOCLE[@]}" -Djavafx.pulseLogger=true -Dbench.out="$OUT" -cp "$UICP" dev.netlens.bench.UiBench graph "$RESULTS" "$UI_ROUNDS"
log "UI: heap with 1,000 containers in the window ($HEAP_RUNS fresh JVMs)"
for ((h = 0; h < HEAP_RUNS; h++)); do
  java "${MONOCLE[@]}" -cp "$UICP" dev.netlens.bench.UiBench heap "$RESULTS" 1000
done

log "UI: app start to first drawn frame under Xvfb $XDISPLAY ($ROUNDS rounds, interleaved)"
Xvfb "$XDISPLAY" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
# first_frame CMD...: the ms from JVM start to the first frame with its picture, as the process prints it.
first_frame() {
  DISPLAY=$XDISPLAY timeout 60 java -Dprism.order=sw -Dnetlens.exitAfterFirstFrame=true "$@" 2>>"$OUT/firstframe.err" \
    | sed -n 's/^netlens: first frame \([0-9]*\) ms.*/\1/p'
}
label_s=() snap_s=() live_s=()
for ((r = 0; r < ROUNDS + 1; r++)); do
  l=$(first_frame -cp "$CP" dev.netlens.bench.OneLabelApp)
  s=$(first_frame -cp "$JAR" dev.netlens.Launcher --snapshot src/test/resources/snapshots/lab.json)
  v=$(first_frame -cp "$JAR" dev.netlens.Launcher)
  if ((r > 0)); then label_s+=("$l") snap_s+=("$s") live_s+=("$v"); fi # the first round warms the disk cache
done
kill "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""
emit_metric ui_first_frame_label - ms "${label_s[@]}"
emit_metric ui_first_frame_snapshot - ms "${snap_s[@]}"
emit_metric ui_first_frame_live - ms "${live_s[@]}"

log "UI: start event -> node on the canvas ($STARTS starts, one at a time)"
java "${MONOCLE[@]}" -cp "$UICP" dev.netlens.bench.UiBench startevent "$RESULTS" "$STARTS"
bash bench/workload.sh down

for spec in $SCALES; do
  containers=${spec%%:*} networks=${spec##*:}
  bash bench/workload.sh up "$containers" "$networks"
  sleep 3 # let the engine settle after the burst of starts
  log "measuring at $containers containers / $networks networks ($ROUNDS rounds)"
  emit_meta workload --arg scale "$containers" --arg benchContainers "$containers" --arg benchNetworks "$networks" \
    --arg load "$(cut -d' ' -f1-3 /proc/loadavg)"

  # One JVM kept warm for the in-process figures, so its runs can be interleaved with the others.
  coproc SERVE { exec java -cp "$CP" dev.netlens.bench.DiscoveryBench serve 2>"$OUT/serve.err"; }
  serve_pid=$SERVE_PID
  ask() { echo "$1" >&"${SERVE[1]}"; local answer; read -r answer <&"${SERVE[0]}"; [[ $answer != error* ]] || die "$answer"; echo "$answer"; }
  for ((w = 0; w < WARMUP; w++)); do ask discover >/dev/null; ask phases >/dev/null; done

  # Diagnostic: the same export with an AppCDS archive of its classes (made by one export here), to
  # measure how much of the export is class loading. Not a figure: Netlens does not ship one yet.
  rm -f "$OUT/export.jsa"
  java -XX:ArchiveClassesAtExit="$OUT/export.jsa" -jar "$JAR" export --format json --output "$OUT/export-cds.json" >/dev/null 2>&1
  cds_ok=true
  if java -XX:SharedArchiveFile="$OUT/export.jsa" -jar "$JAR" export --format json --output "$OUT/export-cds.json" 2>&1 \
      | grep -q 'Unable to use shared archive'; then
    cds_ok=false; log "the AppCDS archive does not load: skipping that diagnostic"
  fi
  export_s=() cds_s=() c1_s=() jvm_s=() par_s=() seq_s=() par_api=() par_kernel=() seq_api=() seq_kernel=() fw_s=()
  ph_api=() ph_kernel=() ph_asm=() ph_json=() cold_api=() cold_kernel=() cold_asm=() cold_json=()
  for ((r = 0; r < ROUNDS; r++)); do
    # Interleaved, so that noise from anything else on the machine falls on all of them alike.
    export_s+=("$(time_ms java -jar "$JAR" export --format json --output "$OUT/export-$containers.json")")
    if $cds_ok; then
      cds_s+=("$(time_ms java -XX:SharedArchiveFile="$OUT/export.jsa" -jar "$JAR" export --format json --output "$OUT/export-cds.json")")
    fi
    # Diagnostic: the same export with only the JIT's quick compiler (how much the optimising one costs).
    c1_s+=("$(time_ms java -XX:TieredStopAtLevel=1 -jar "$JAR" export --format json --output "$OUT/export-c1.json")")
    line=$(BENCH_FIREWALL=1 bash bench/baseline.sh 4)
    par_s+=("$(field total_ms "$line")") par_api+=("$(field api_ms "$line")")
    par_kernel+=("$(field kernel_ms "$line")") fw_s+=("$(field firewall_ms "$line")")
    line=$(bash bench/baseline.sh 1)
    seq_s+=("$(field total_ms "$line")") seq_api+=("$(field api_ms "$line")") seq_kernel+=("$(field kernel_ms "$line")")
    jvm_s+=("$(ask discover)")
    read -r a k s j <<<"$(ask phases)"
    ph_api+=("$a") ph_kernel+=("$k") ph_asm+=("$s") ph_json+=("$j")
    # The same phase-timed pass as the first thing a fresh JVM does: where the export's cold cost lies.
    read -r a k s j <<<"$(echo phases | java -cp "$CP" dev.netlens.bench.DiscoveryBench serve 2>>"$OUT/serve.err")"
    cold_api+=("$a") cold_kernel+=("$k") cold_asm+=("$s") cold_json+=("$j")
  done
  echo quit >&"${SERVE[1]}"; wait "$serve_pid" 2>/dev/null || true; serve_pid=""
  emit_metric export_process "$containers" ms "${export_s[@]}"
  if $cds_ok; then emit_metric export_process_appcds "$containers" ms "${cds_s[@]}"; fi
  emit_metric export_process_c1 "$containers" ms "${c1_s[@]}"
  emit_metric jvm_discovery "$containers" ms "${jvm_s[@]}"
  emit_metric baseline_par "$containers" ms "${par_s[@]}"
  emit_metric baseline_par_api "$containers" ms "${par_api[@]}"
  emit_metric baseline_par_kernel "$containers" ms "${par_kernel[@]}"
  emit_metric baseline_seq "$containers" ms "${seq_s[@]}"
  emit_metric baseline_seq_api "$containers" ms "${seq_api[@]}"
  emit_metric baseline_seq_kernel "$containers" ms "${seq_kernel[@]}"
  emit_metric firewall "$containers" ms "${fw_s[@]}"
  emit_metric phase_api "$containers" ms "${ph_api[@]}"
  emit_metric phase_kernel "$containers" ms "${ph_kernel[@]}"
  emit_metric phase_assemble "$containers" ms "${ph_asm[@]}"
  emit_metric phase_json "$containers" ms "${ph_json[@]}"
  emit_metric cold_phase_api "$containers" ms "${cold_api[@]}"
  emit_metric cold_phase_kernel "$containers" ms "${cold_kernel[@]}"
  emit_metric cold_phase_assemble "$containers" ms "${cold_asm[@]}"
  emit_metric cold_phase_json "$containers" ms "${cold_json[@]}"
  # What the export saw (the lab's own objects are on the engine too, and counted).
  emit_meta snapshot --arg scale "$containers" \
    --argjson counts "$(jq -c '{containers: (.containers | length),
        running: ([.containers[] | select(.state == "running")] | length),
        networks: (.networks | length), namespaces: (.namespaces | length),
        interfaces: (.interfaces | length), kernelView: .hosts[0].kernelView,
        missing: (.hosts[0].missing | length)}' "$OUT/export-$containers.json")" \
    --arg jsonBytes "$(stat -c %s "$OUT/export-$containers.json")"

  # Where the export's first pass goes: how many classes one export loads.
  classes=$(java -Xlog:class+load=info -jar "$JAR" export --format json --output "$OUT/export-classes.json" | grep -c 'class,load' || true)
  emit_metric export_classes_loaded "$containers" classes "$classes"

  if [[ $containers == 200 ]]; then
    log "UI: CPU of the idle live window at $containers containers (${IDLE_S} s, resync every 5 s)"
    java "${MONOCLE[@]}" -cp "$UICP" dev.netlens.bench.UiBench idle "$RESULTS" "$IDLE_S"
  fi

  if [[ $spec == "${SCALES##* }" ]]; then # the largest workload
    log "incremental refresh after one change at $containers containers ($ROUNDS rounds, each against a full pass)"
    # Starts and removes one extra container per round (nlbench-incr-N, labelled $BENCH_LABEL).
    java -cp "$CP" dev.netlens.bench.DiscoveryBench incremental "$RESULTS" "$containers" "$WARMUP" "$ROUNDS"
    log "heap after discovery at $containers containers ($HEAP_RUNS fresh JVMs)"
    for ((h = 0; h < HEAP_RUNS; h++)); do
      java -cp "$CP" dev.netlens.bench.DiscoveryBench heap "$RESULTS" "$containers"
    done
  fi
done

bash bench/workload.sh down
log "packet trace on the 200-container synthetic snapshot (issue 13; no engine involved)"
java -cp "$CP" dev.netlens.bench.TraceBench "$RESULTS" src/test/resources/snapshots/scale-200.json "$WARMUP" "$ROUNDS"
emit_meta duration --arg seconds "$((SECONDS - started))"
java -cp "$CP" dev.netlens.bench.BenchReport "$RESULTS" "$REPORT"
log "readability figures (issue 12): the developer's host, 200/20 and 500/50"
BENCH_REPORT="$REPORT" bash bench/readability.sh
log "wrote $REPORT in $((SECONDS - started)) s"
