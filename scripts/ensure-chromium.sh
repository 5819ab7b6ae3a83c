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

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  echo "[ensure-chromium] Chromium không có sẵn và không có quyền root/sudo để cài." >&2
  echo "[ensure-chromium] Chromium is missing and this user is neither root nor has password-less sudo." >&2
  echo "  Install it manually (apt-get install -y --no-install-recommends chromium) or set CHROMIUM_PATH." >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-chromium] apt-get not found: install Chromium and set CHROMIUM_PATH." >&2
  exit 1
fi

echo "[ensure-chromium] installing chromium…"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium

p=$(find_chromium) || { echo "[ensure-chromium] install finished but chromium is not on PATH" >&2; exit 1; }
echo "[ensure-chromium] OK: $p"
