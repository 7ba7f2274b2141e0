#!/usr/bin/env bash
# Entry point of `mvn -Ppackage`: runs the installer recipe of the system it is on.
# Usage: bash packaging/build.sh VERSION
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
case "$(uname -s)" in
  Linux) exec bash "$here/linux/build.sh" "$@" ;;
  Darwin) exec bash "$here/macos/build.sh" "$@" ;;
  MINGW* | MSYS* | CYGWIN*) exec powershell -NoProfile -ExecutionPolicy Bypass -File "$here/windows/build.ps1" "$@" ;;
  *) echo "packaging: no installer recipe for $(uname -s)" >&2; exit 1 ;;
esac
