#!/usr/bin/env bash
# Ensure /usr/bin/python3 can import openpyxl (Debian package python3-openpyxl): the tests write
# "retyped" workbooks with it — a writer that is neither ours nor LibreOffice, as many units'
# tools are. Idempotent: does nothing when openpyxl is already importable.
set -euo pipefail

PKGS=(python3-openpyxl)

have_openpyxl() { /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1; }

if have_openpyxl; then
  echo "[ensure-openpyxl] OK: $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)')"
  exit 0
fi

# shellcheck source=apt-install.sh
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
apt_install ensure-openpyxl "openpyxl (python3-openpyxl)" \
  "Cài thủ công / install it manually:  apt-get install -y --no-install-recommends ${PKGS[*]}" \
  "install python3-openpyxl with your system's package manager." \
  "${PKGS[*]}" \
  "${PKGS[@]}"

if ! have_openpyxl; then
  echo "[ensure-openpyxl] install finished but /usr/bin/python3 still cannot import openpyxl" >&2
  exit 1
fi
echo "[ensure-openpyxl] OK: $(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)')"
