#!/usr/bin/env bash
# macOS recipe: builds target/jpackage/Netlens-VERSION.dmg (Netlens.app with a jlink runtime).
# Run on a Mac with JDK 17 and Maven, after `mvn -DskipTests package` built target/netlens.jar
# there (so it carries JavaFX's macOS natives for that Mac's CPU), or run
# `mvn -Ppackage -DskipTests package`, which calls this script through packaging/build.sh.
# Usage: bash packaging/macos/build.sh [VERSION]
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/netlens.jar
[[ -f $jar ]] || { echo "packaging: $jar missing; run mvn -DskipTests package first" >&2; exit 1; }
version=${1:-$(java -jar "$jar" --version | awk '{print $2}')}
# jpackage on macOS refuses an app version whose first number is 0 (CFBundleVersion rules):
# 0.x.y becomes 1.x.y in the bundle only; `netlens --version` still reports the real version.
mac_version=$version
[[ $version == 0.* ]] && mac_version="1.${version#0.}"

modules=$(grep -v '^#' packaging/jlink-modules.txt | paste -sd, -)
rm -rf target/jlink target/jpackage target/jpackage-input
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output target/jlink/runtime
mkdir -p target/jpackage-input && cp "$jar" target/jpackage-input/
jpackage --type dmg --name Netlens --app-version "$mac_version" --vendor Netlens \
  --description "Draws Docker networking as the kernel really has it" \
  --input target/jpackage-input --main-jar netlens.jar --main-class dev.netlens.Launcher \
  --runtime-image target/jlink/runtime --icon assets/icons/netlens.icns \
  --mac-package-identifier dev.netlens --mac-package-name Netlens \
  --java-options "-Xdock:name=Netlens" --dest target/jpackage
ls -l target/jpackage/*.dmg
echo "packaging: for the command line: sudo ln -sf /Applications/Netlens.app/Contents/MacOS/Netlens /usr/local/bin/netlens"
