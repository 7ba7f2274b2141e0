#!/usr/bin/env bash
# Builds the Linux installers from the shaded jar: a jlink runtime, a portable app image
# (target/jpackage/netlens/ and target/netlens-VERSION-linux-x64.tar.gz) and a .deb
# (target/jpackage/netlens_VERSION_amd64.deb) that installs to /opt/netlens and links
# /usr/bin/netlens. Normally run by `mvn -B -Ppackage -DskipTests package`.
# Usage: bash packaging/linux/build.sh [VERSION]   (default: what the jar's --version says)
# Needs JDK 17 with jmods (Debian: openjdk-17-jdk-headless), fakeroot and dpkg-deb.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
jar=target/netlens.jar
[[ -f $jar ]] || { echo "packaging: $jar missing; run mvn -DskipTests package first" >&2; exit 1; }
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
jlink=$java_home/bin/jlink jpackage=$java_home/bin/jpackage
[[ -d $java_home/jmods ]] || { echo "packaging: no jmods in $java_home (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
version=${1:-$("$java_home/bin/java" -jar "$jar" --version | awk '{print $2}')}
[[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || { echo "packaging: '$version' is not a version jpackage accepts" >&2; exit 1; }

# dpkg-deb's default xz takes ~50 s for the 90 MB image here; gzip ~5 s for a 10% larger .deb.
export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
t0=$SECONDS
out=target/jpackage
runtime=target/jlink/runtime
modules=$(grep -v '^#' packaging/jlink-modules.txt | paste -sd, -)
stamp="$("$java_home/bin/java" -version 2>&1 | head -1) $modules"
# The runtime only changes with the JDK or the module list: reuse it otherwise (saves ~30 s).
if [[ ! -x $runtime/bin/java || $(cat target/jlink/stamp 2>/dev/null) != "$stamp" ]]; then
  rm -rf target/jlink && mkdir -p target/jlink
  "$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$runtime"
  printf '%s' "$stamp" >target/jlink/stamp
  echo "packaging: jlink runtime $(du -sh "$runtime" | cut -f1) in $((SECONDS - t0)) s"
fi

rm -rf "$out" target/jpackage-input target/jpackage-resources
mkdir -p "$out" target/jpackage-input target/jpackage-resources
cp "$jar" target/jpackage-input/
common=(--name netlens --app-version "$version" --vendor "Netlens"
  --description "Draws Docker networking as the kernel really has it")

# Non-modular app image: JavaFX travels in the shaded jar on the class path (decision 0003).
# No java-options: the window needs a display, not java.awt.headless; arguments pass through.
"$jpackage" --type app-image "${common[@]}" --dest "$out" \
  --input target/jpackage-input --main-jar netlens.jar --main-class dev.netlens.Launcher \
  --runtime-image "$runtime" --icon assets/icons/netlens-256.png
echo "packaging: app image $out/netlens ($(du -sh "$out/netlens" | cut -f1)) at $((SECONDS - t0)) s"
tar -C "$out" -czf "target/netlens-$version-linux-x64.tar.gz" netlens

# The .deb: our desktop entry with installed paths, and maintainer scripts that add the symlink.
sed -e 's|^Exec=.*|Exec=/opt/netlens/bin/netlens|' -e 's|^Icon=.*|Icon=/opt/netlens/lib/netlens.png|' \
  assets/netlens.desktop >target/jpackage-resources/netlens.desktop
cp packaging/linux/resources/postinst packaging/linux/resources/prerm target/jpackage-resources/
"$jpackage" --type deb "${common[@]}" --dest "$out" --app-image "$out/netlens" \
  --resource-dir target/jpackage-resources --install-dir /opt \
  --linux-package-name netlens --linux-deb-maintainer "netlens@users.noreply.invalid" \
  --linux-menu-group "Network;Development;Education" --linux-app-category net --linux-shortcut \
  --linux-package-deps "libgtk-3-0 | libgtk-3-0t64"
deb=$(ls "$out"/netlens_*.deb)
echo "packaging: $deb ($(du -h "$deb" | cut -f1)) in $((SECONDS - t0)) s"
