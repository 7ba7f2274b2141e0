#!/usr/bin/env bash
# Moves the window's shared state out of the root ui package, so that no ui sub-package depends
# back on dev.netlens.ui (PackageCyclesTest.uiPackagesHaveNoCycles), and I18n beside UiLanguage.
# Run once, from the repository root, after every branch is merged:  .ci/tools/move-packages.sh
# Idempotent: a class already moved is skipped.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# class  from-package  to-package
MOVES=(
  "TopologyState dev.netlens.ui dev.netlens.ui.state"
  "TopologyFrame dev.netlens.ui dev.netlens.ui.state"
  "CollapseState dev.netlens.ui dev.netlens.ui.state"
  "EngineStatus dev.netlens.ui dev.netlens.ui.state"
  "I18n dev.netlens.ui.present dev.netlens.ui.language"
)

dir_of() { echo "src/main/java/${1//.//}"; }

for move in "${MOVES[@]}"; do
  read -r cls from to <<<"$move"
  src="$(dir_of "$from")/$cls.java"
  dst="$(dir_of "$to")/$cls.java"
  if [[ ! -f "$src" ]]; then
    echo "skip $cls: $src not found (moved already?)"
    continue
  fi
  mkdir -p "$(dirname "$dst")"
  git mv "$src" "$dst"
  sed -i "s/^package ${from//./\\.};/package $to;/" "$dst"
  # Fully qualified names and imports everywhere.
  grep -rlE "\b${from//./\\.}\.$cls\b" src | while read -r f; do
    sed -i -E "s/\b${from//./\\.}\.$cls\b/$to.$cls/g" "$f"
  done
  # Files in the old package used it without an import: give them one.
  for f in $(grep -rlE "^package ${from//./\\.};" src --include=*.java); do
    if grep -qE "\b$cls\b" "$f" && ! grep -qE "^import $to\.$cls;" "$f"; then
      sed -i "0,/^package ${from//./\\.};/s//package $from;\n\nimport $to.$cls;/" "$f"
    fi
  done
  # The moved class used classes of its old package without an import: give it those.
  for other in $(ls "$(dir_of "$from")" | sed -n 's/\.java$//p'); do
    if grep -qE "\b$other\b" "$dst" && ! grep -qE "^import $from\.$other;" "$dst"; then
      sed -i "0,/^package ${to//./\\.};/s//package $to;\n\nimport $from.$other;/" "$dst"
    fi
  done
  # A class in the new package no longer needs to import it.
  for f in $(grep -rlE "^package ${to//./\\.};" src --include=*.java); do
    sed -i "/^import ${to//./\\.}\.$cls;$/d" "$f"
  done
  echo "moved $cls: $from -> $to"
done
echo "now: remove @ArchIgnore from PackageCyclesTest.uiPackagesHaveNoCycles, then mvn -o -q test-compile && mvn -o -q test -Dtest=PackageCyclesTest"
