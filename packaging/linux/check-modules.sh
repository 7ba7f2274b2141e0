#!/usr/bin/env bash
# Compares packaging/jlink-modules.txt with what jdeps finds in the shaded jar (~40 s). Run after
# adding a dependency; a module jdeps names that the list lacks would be missing at run time.
set -euo pipefail
cd "$(dirname "$0")/../.."
found=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps target/netlens.jar | tr ',' '\n' | sort)
listed=$(grep -v '^#' packaging/jlink-modules.txt | sort)
missing=$(comm -23 <(echo "$found") <(echo "$listed"))
if [[ -n $missing ]]; then echo "add to packaging/jlink-modules.txt: $missing" >&2; exit 1; fi
echo "jlink-modules.txt covers jdeps' list: $(echo "$found" | paste -sd, -)"
