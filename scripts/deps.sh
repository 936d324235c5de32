#!/usr/bin/env bash
# Installs the Debian 12 packages the build and the tests need (idempotent:
# apt-get runs only when something is missing). Run as root, or with sudo on PATH.
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config
  libyaml-cpp-dev libyaml-dev libzip-dev libpugixml-dev libssl-dev libicu-dev
  libharfbuzz-dev libxlsxwriter-dev libqpdf-dev libdeflate-dev libmimalloc-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  poppler-utils qpdf python3-openpyxl unzip
)
missing=()
for p in "${PACKAGES[@]}" "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}"
  SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
