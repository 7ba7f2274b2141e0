#!/usr/bin/env bash
# Renders assets/icons/netlens.svg to the PNG sizes the installers and the window use, plus
# netlens.ico (Windows .msi) and netlens.icns (macOS .dmg), so those recipes need no converter.
# Needs (Debian): librsvg2-bin (rsvg-convert), icoutils (icotool), icnsutils (png2icns).
# Re-run after editing the SVG and commit the results.
set -euo pipefail
cd "$(dirname "$0")"
for tool in rsvg-convert:librsvg2-bin icotool:icoutils png2icns:icnsutils; do
  command -v "${tool%%:*}" >/dev/null || { echo "${tool%%:*} missing: apt-get install -y ${tool#*:}" >&2; exit 1; }
done
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" netlens.svg -o "netlens-$size.png"
done
# 256 stays PNG-compressed inside the .ico (-r), as Windows Vista and later read it
icotool -c -o netlens.ico netlens-16.png netlens-24.png netlens-32.png netlens-48.png netlens-64.png -r netlens-256.png
png2icns netlens.icns netlens-16.png netlens-32.png netlens-48.png netlens-128.png netlens-256.png netlens-512.png >/dev/null
echo "rendered: $(ls netlens-*.png netlens.ico netlens.icns | tr '\n' ' ')"
