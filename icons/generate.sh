#!/usr/bin/env bash
# Generates every app icon from the master icons/enscope.svg (see icons/README.md):
#   icons/png/enscope-N.png           N = 16 24 32 48 64 128 256 512 1024
#   icons/enscope.ico                 Windows (16 to 256 px; 256 stored as PNG)
#   icons/enscope.icns                macOS (drawn on Apple's icon grid: the tile inset to 824/1024)
#   src/main/resources/io/enscope/icons/enscope-N.png   the window icons, N = 16 to 256
# Needs rsvg-convert (librsvg2-bin), icotool (icoutils) and png2icns (icnsutils).
# The outputs are committed: packaging uses them and needs none of these tools.
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || {
        echo "generate.sh: $tool is missing; apt-get install -y librsvg2-bin icoutils icnsutils" >&2
        exit 1
    }
done

master=enscope.svg
png=png
resources=../src/main/resources/io/enscope/icons
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$png" "$resources"
for size in 16 24 32 48 64 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --output "$png/enscope-$size.png" "$master"
done

# Windows: classic sizes as 32-bit images, 256 px as an embedded PNG (Vista and later).
icotool --create --output enscope.ico \
    "$png/enscope-16.png" "$png/enscope-24.png" "$png/enscope-32.png" "$png/enscope-48.png" \
    "$png/enscope-64.png" "$png/enscope-128.png" --raw="$png/enscope-256.png"

# macOS draws icons on a grid that leaves a margin around the tile (824 of 1024 units), so the
# same drawing is inset before rendering; Finder and the Dock then size it like other apps.
sed 's|<g id="icon">|<g id="icon" transform="translate(100 100) scale(0.8046875)">|' "$master" > "$work/macos.svg"
grep -q 'scale(0.8046875)' "$work/macos.svg" || { echo "generate.sh: no <g id=\"icon\"> in $master" >&2; exit 1; }
macos=()
for size in 16 32 48 128 256 512 1024; do
    rsvg-convert --width "$size" --height "$size" --output "$work/icon-$size.png" "$work/macos.svg"
    macos+=("$work/icon-$size.png")
done
png2icns enscope.icns "${macos[@]}" >/dev/null

# The window icons the console loads (io.enscope.WindowIcons).
for size in 16 24 32 48 64 128 256; do
    cp "$png/enscope-$size.png" "$resources/enscope-$size.png"
done

echo "generated from $master: $png/enscope-{16..1024}.png, enscope.ico, enscope.icns, window icons"
