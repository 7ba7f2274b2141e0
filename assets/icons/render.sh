#!/usr/bin/env bash
# Renders assets/icons/netlens.svg to the PNG sizes the installers and the window use.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Re-run after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install -y librsvg2-bin" >&2; exit 1; }
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" netlens.svg -o "netlens-$size.png"
done
echo "rendered: $(ls netlens-*.png | tr '\n' ' ')"
