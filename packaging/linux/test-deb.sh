#!/usr/bin/env bash
# CI check of the Linux installer, run by scripts/test.sh after `mvn verify` (needs root and the local
# engine): builds the .deb with the documented Maven command, installs it with dpkg -i, runs the
# installed `netlens` (--version, a JSON export of the local engine, the window under Xvfb), removes
# it with dpkg -r, and ends with "packaging: N passed, M failed" (exit 1 when any failed).
set -uo pipefail
cd "$(dirname "$0")/../.."
passed=0 failed=0
pass() { echo "packaging: PASS $*"; passed=$((passed + 1)); }
fail() { echo "packaging: FAIL $*" >&2; failed=$((failed + 1)); }
finish() {
  echo "packaging: took ${SECONDS} s"
  echo "packaging: $passed passed, $failed failed"
  ((failed == 0))
  exit
}
# Marks a netlens package this script installed, so a leftover of an interrupted run is removed
# but a netlens the machine's owner installed is never touched.
marker=/var/lib/netlens-test-deb.installed
tmp=$(mktemp -d)
installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }
cleanup() {
  if [[ -f $marker ]] && installed netlens; then dpkg -r netlens >/dev/null 2>&1; fi
  # keep the marker while our package is still there, so the next run removes it
  installed netlens || rm -f "$marker"
  rm -rf "$tmp"
}
trap cleanup EXIT


need=()
for tool in fakeroot:fakeroot xvfb-run:xvfb; do command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}"); done
if ((${#need[@]})); then
  echo "packaging: installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# any state but absent or removed (half-configured counts: an interrupted run leaves that)
status=$(dpkg-query -W -f='${Status}' netlens 2>/dev/null || true)
if [[ -n $status && $status != *not-installed && $status != *config-files ]]; then
  if [[ -f $marker ]]; then
    dpkg -r netlens >/dev/null
  else
    fail "a netlens package is installed and not by this test; remove it first (dpkg -r netlens)"
    finish
  fi
fi

# 1. build with the documented command
t=$SECONDS
if mvn -B -ntp -q -Ppackage -DskipTests package >"$tmp/build.log" 2>&1 && deb=$(ls target/jpackage/netlens_*.deb 2>/dev/null); then
  pass "built $deb in $((SECONDS - t)) s"
else
  tail -20 "$tmp/build.log" >&2
  fail "mvn -Ppackage did not build a .deb"
  finish
fi
version=$(dpkg-deb -f "$deb" Version)
version=${version%-*}

# 2. install: the package's dependencies from Debian first (dpkg -i does not fetch them)
missing=()
IFS=',' read -ra deps <<<"$(dpkg-deb -f "$deb" Depends)"
for dep in "${deps[@]}"; do
  first=$(echo "${dep%%|*}" | awk '{print $1}')
  alt_ok=""
  IFS='|' read -ra alts <<<"$dep"
  for a in "${alts[@]}"; do installed "$(echo "$a" | awk '{print $1}')" && alt_ok=1; done
  [[ -n $alt_ok ]] || missing+=("$first")
done
if ((${#missing[@]})); then
  echo "packaging: installing the .deb's dependencies: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
t=$SECONDS
touch "$marker"
if dpkg -i "$deb" >"$tmp/install.log" 2>&1 && [[ $(command -v netlens) == /usr/bin/netlens ]]; then
  pass "dpkg -i in $((SECONDS - t)) s; netlens on the PATH -> $(readlink /usr/bin/netlens)"
else
  cat "$tmp/install.log" >&2
  fail "dpkg -i did not put netlens on the PATH"
  finish
fi

# 3. the installed copy runs
got=$(netlens --version 2>&1)
if [[ $got == "netlens $version" ]]; then pass "netlens --version: $got"; else fail "netlens --version said '$got', want 'netlens $version'"; fi

if netlens export --format json --output "$tmp/x.json" 2>"$tmp/export.err" &&
  grep -q '"netlens.topology/v1"' "$tmp/x.json" && grep -q '"containers"' "$tmp/x.json"; then
  pass "netlens export --format json: $(wc -c <"$tmp/x.json") bytes"
else
  cat "$tmp/export.err" >&2
  fail "netlens export --format json from the installed copy"
fi

# The window: still alive after 15 s under Xvfb (timeout's 124) and no exception on stderr.
xvfb-run -a timeout 15 netlens >"$tmp/window.out" 2>"$tmp/window.err"
rc=$?
if ((rc == 124)) && ! grep -qE 'Exception|Unable to load|Error:' "$tmp/window.err"; then
  pass "the window opens from the installed copy (ran 15 s under Xvfb)"
else
  head -20 "$tmp/window.err" >&2
  fail "the window did not stay open (exit $rc)"
fi

# 4. remove
if dpkg -r netlens >"$tmp/remove.log" 2>&1 && [[ ! -e /usr/bin/netlens && ! -e /opt/netlens ]]; then
  rm -f "$marker"
  pass "dpkg -r removed /opt/netlens and /usr/bin/netlens"
else
  cat "$tmp/remove.log" >&2
  fail "dpkg -r left files behind"
fi
finish
