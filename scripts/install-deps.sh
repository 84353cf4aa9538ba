#!/usr/bin/env bash
# Installs every Debian 12 package crmsync needs to build, test and run.
# Safe to run again; uses sudo when not root.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git ca-certificates
  # libraries the daemon and plugins link
  libboost-dev libboost-filesystem-dev libboost-program-options-dev
  libcurl4-openssl-dev libssl-dev libsoci-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  libphonenumber-dev libicu-dev libsystemd-dev nlohmann-json3-dev
  libsqlite3-dev libpq-dev default-libmysqlclient-dev
  # crmsyncd's allocator (tcmalloc_minimal)
  libgoogle-perftools-dev
  # tests
  libgtest-dev libgmock-dev python3
  # real database servers the integration tests start on loopback
  sqlite3 postgresql postgresql-client mariadb-server mariadb-client
  # real mail servers the journey tests start on loopback (SMTP in, IMAP out)
  python3-aiosmtpd dovecot-imapd openssl
  # runuser, systemd-analyze
  util-linux systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
# Package post-install scripts must not start database services on this machine:
# the tests start their own throw-away servers.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  created_policy=1
fi
trap '[ "$created_policy" -eq 1 ] && "${as_root[@]}" rm -f "$policy"' EXIT
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
