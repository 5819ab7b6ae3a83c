#!/usr/bin/env bash
# Ensure a Chromium that playwright-core can drive (Debian package `chromium`).
# Prints the executable path on its last line. Idempotent.
set -euo pipefail

find_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then echo "$CHROMIUM_PATH"; return 0; fi
  for c in chromium chromium-browser google-chrome-stable google-chrome; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

if p=$(find_chromium); then
  echo "[ensure-chromium] OK: $p"
  exit 0
fi

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install ensure-chromium "Chromium" \
  "Install it manually (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH." \
  "install Chromium and set CHROMIUM_PATH." \
  "chromium" \
  chromium

p=$(find_chromium) || { echo "[ensure-chromium] install finished but chromium is not on PATH" >&2; exit 1; }
echo "[ensure-chromium] OK: $p"
