#!/usr/bin/env bash
# Copies the built USWDS files the portal uses into src/Carnet.Web/wwwroot/lib/uswds, so running Carnet needs no npm.
# Run it only to change the USWDS version (then commit the result):  tools/vendor-uswds.sh [version]
# Takes the stylesheet, the two scripts, the sprite and exactly the images and fonts the stylesheet refers to.
set -euo pipefail
version="${1:-3.14.0}"
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/../src/Carnet.Web/wwwroot/lib/uswds"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error "@uswds/uswds@$version" >/dev/null)
dist="$work/node_modules/@uswds/uswds/dist"
rm -rf "$target"
mkdir -p "$target/css" "$target/js" "$target/img"
cp "$dist/css/uswds.min.css" "$target/css/"
cp "$dist/js/uswds.min.js" "$dist/js/uswds-init.min.js" "$target/js/"
cp "$dist/img/sprite.svg" "$target/img/"
cp "$work/node_modules/@uswds/uswds/LICENSE.md" "$target/"
grep -o 'url([^)]*)' "$dist/css/uswds.min.css" | sed 's/^url(//;s/)$//;s/"//g' | grep '^\.\./' | sort -u | while read -r ref; do
  file="${ref#../}"
  mkdir -p "$target/$(dirname "$file")"
  cp "$dist/$file" "$target/$file"
done
echo "@uswds/uswds $version" >"$target/VERSION"
echo "Vendored @uswds/uswds $version into $target"
