# Shared by ensure-*.sh (sourced, not run): installs Debian packages as root or with password-less
# sudo, or says in Vietnamese and English why it cannot and exits 1.
#
#   apt_install TAG WHAT HOWTO NO_APT INSTALLING PACKAGE...
#     TAG         log prefix, e.g. ensure-chromium
#     WHAT        what is missing, e.g. "Chromium"
#     HOWTO       the line that says how to install it by hand
#     NO_APT      what to do without apt-get
#     INSTALLING  what is being installed, in the progress line

apt_install() {
  local tag=$1 what=$2 howto=$3 no_apt=$4 installing=$5
  shift 5
  local -a as_root
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "[$tag] $what không có sẵn và không có quyền root/sudo để cài." >&2
    echo "[$tag] $what is missing and this user is neither root nor has password-less sudo." >&2
    echo "  $howto" >&2
    exit 1
  fi

  if ! command -v apt-get >/dev/null 2>&1; then
    echo "[$tag] apt-get not found: $no_apt" >&2
    exit 1
  fi

  echo "[$tag] installing $installing…"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@"
}
