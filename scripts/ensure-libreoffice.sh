#!/usr/bin/env bash
# Ensure LibreOffice Calc and Writer (headless) and python3-uno are installed from Debian packages.
# Used by the interop tests (they open, recalculate and re-save the workbooks we write; Writer
# turns HTML tables into the .docx files units send back).
# Idempotent: does nothing when `soffice`, Writer and python3-uno are already present.
set -euo pipefail

PKGS=(libreoffice-calc-nogui libreoffice-writer-nogui python3-uno)

have_uno() { /usr/bin/python3 -c 'import uno' >/dev/null 2>&1; }
# Writer's library; Calc alone also puts soffice on PATH.
have_writer() { [ -e /usr/lib/libreoffice/program/libswlo.so ] || dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || dpkg -s libreoffice-writer >/dev/null 2>&1; }

if command -v soffice >/dev/null 2>&1 && have_uno && have_writer; then
  echo "[ensure-libreoffice] OK: $(command -v soffice)"
  exit 0
fi

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install ensure-libreoffice "LibreOffice (soffice)" \
  "Cài thủ công / install it manually:  apt-get install -y --no-install-recommends ${PKGS[*]}" \
  "install LibreOffice Calc + Writer + python3-uno with your system's package manager." \
  "${PKGS[*]} (a few minutes)" \
  "${PKGS[@]}"

if ! command -v soffice >/dev/null 2>&1; then
  echo "[ensure-libreoffice] install finished but soffice is still not on PATH" >&2
  exit 1
fi
echo "[ensure-libreoffice] OK: $(command -v soffice)"
