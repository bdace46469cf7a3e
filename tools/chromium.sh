#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the portal's browser tests (Playwright drives it); idempotent.
#   tools/chromium.sh        prints the browser's path
set -euo pipefail
path="${CARNET_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$path" ]; then echo "$path"; exit 0; fi
echo "Installing Debian's chromium for the browser tests (about 30 s)…" >&2
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
  echo "Chromium is missing and this user cannot install packages: run 'apt-get install -y chromium' as root, or set CARNET_CHROMIUM to a Chromium binary." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q chromium >&2 || { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q chromium >&2; }
[ -x "$path" ] || { echo "chromium was installed but is not at $path: set CARNET_CHROMIUM to its path." >&2; exit 1; }
echo "$path"
