#!/usr/bin/env bash
# Ensure LibreOffice Calc (headless) and python3-uno are installed from Debian packages.
# Used by the interop tests (they open, recalculate and re-save the workbooks we write).
# Idempotent: does nothing when `soffice` and python3-uno are already present.
set -euo pipefail

PKGS=(libreoffice-calc-nogui python3-uno)

have_uno() { /usr/bin/python3 -c 'import uno' >/dev/null 2>&1; }

if command -v soffice >/dev/null 2>&1 && have_uno; then
  echo "[ensure-libreoffice] OK: $(command -v soffice)"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  echo "[ensure-libreoffice] LibreOffice (soffice) không có sẵn và không có quyền root/sudo để cài." >&2
  echo "[ensure-libreoffice] LibreOffice (soffice) is missing and this user is neither root nor has password-less sudo." >&2
  echo "  Cài thủ công / install it manually:  apt-get install -y --no-install-recommends ${PKGS[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[ensure-libreoffice] apt-get not found: install LibreOffice Calc + python3-uno with your system's package manager." >&2
  exit 1
fi

echo "[ensure-libreoffice] installing ${PKGS[*]} (a few minutes)…"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${PKGS[@]}"

if ! command -v soffice >/dev/null 2>&1; then
  echo "[ensure-libreoffice] install finished but soffice is still not on PATH" >&2
  exit 1
fi
echo "[ensure-libreoffice] OK: $(command -v soffice)"
