#!/usr/bin/env bash
# Prints a directory holding PostgreSQL 17's pg_dump and pg_restore, providing them first when needed.
#
# The application's server is PostgreSQL 17; pg_dump refuses a server newer than itself, and Debian 12 (this build
# machine) ships only the 15 client. So, unless a pg_dump of major version 17 or newer is already on PATH (or in
# $PG_CLIENT_BINDIR), this takes Debian 13's own packages of the 17 client and the libraries it needs, checks them
# against the archive's signed index, unpacks them under a cache directory (no root, nothing installed system-wide)
# and writes two wrappers that start the programs with Debian 13's C library through its own dynamic loader.
# Used by BackupRoundTripIT; operators use their distribution's postgresql-client-17 instead (docs/RELIABILITY.md).
#
# Needs curl, gpgv, xz, dpkg-deb and Debian's archive keyring (all part of a Debian 12 base system).
set -euo pipefail

major_of() { "$1" --version 2>/dev/null | sed -n 's/^[a-z_]* (PostgreSQL) \([0-9]*\).*/\1/p'; }
usable() { [[ -x "$1/pg_dump" && -x "$1/pg_restore" && $(major_of "$1/pg_dump") -ge 17 ]] 2>/dev/null; }

for candidate in "${PG_CLIENT_BINDIR:-}" "$(dirname "$(command -v pg_dump 2>/dev/null || echo /nonexistent/pg_dump)")"; do
  if [[ -n "$candidate" ]] && usable "$candidate"; then echo "$candidate"; exit 0; fi
done

HOME_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/campusgate/pg-client-17"
if usable "$HOME_DIR/bin"; then echo "$HOME_DIR/bin"; exit 0; fi

MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SUITE=trixie
# postgresql-client-17 and the closure of its Depends in Debian 13, without what only psql or the wrapper scripts of
# postgresql-client-common use (readline, perl, sensible-utils).
PACKAGES=(postgresql-client-17 libpq5 libc6 zlib1g libzstd1 liblz4-1 libxxhash0 libssl3t64 openssl-provider-legacy
  libldap2 libsasl2-2 libsasl2-modules-db libdb5.3t64 libgssapi-krb5-2 libkrb5-3 libkrb5support0 libk5crypto3
  libcom-err2 libkeyutils1)

say() { printf '[pg-client-17] %s\n' "$*" >&2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() { curl -fsS --retry 3 -m 300 -o "$2" "$1"; }
sha256_is() { [[ $(sha256sum "$1" | cut -d' ' -f1) == "$2" ]] || { say "checksum mismatch: $1"; exit 1; }; }

say "fetching PostgreSQL 17 client packages from $MIRROR ($SUITE) into $HOME_DIR"
fetch "$MIRROR/dists/$SUITE/InRelease" "$work/InRelease"
# Only what the archive's key signed is read from here on.
gpgv --quiet --keyring /usr/share/keyrings/debian-archive-keyring.gpg --output "$work/Release" "$work/InRelease" \
  2>"$work/gpgv.log" || { cat "$work/gpgv.log" >&2; say "the archive's index has no valid signature"; exit 1; }
index_sum=$(awk '/^SHA256:/ { s = 1; next } /^[^ ]/ { s = 0 } s && $3 == "main/binary-amd64/Packages.xz" { print $1 }' \
  "$work/Release")
fetch "$MIRROR/dists/$SUITE/main/binary-amd64/Packages.xz" "$work/Packages.xz"
sha256_is "$work/Packages.xz" "$index_sum"
xz -d "$work/Packages.xz"

mkdir -p "$work/root"
for package in "${PACKAGES[@]}"; do
  read -r file sum < <(awk -v p="$package" '
    /^Package: / { hit = ($2 == p) }
    hit && /^Filename: / { f = $2 }
    hit && /^SHA256: / { s = $2 }
    /^$/ && hit && f != "" { print f, s; exit }' "$work/Packages")
  [[ -n "${file:-}" ]] || { say "package $package is not in $SUITE"; exit 1; }
  fetch "$MIRROR/$file" "$work/package.deb"
  sha256_is "$work/package.deb" "$sum"
  dpkg-deb -x "$work/package.deb" "$work/root"
done

lib=usr/lib/x86_64-linux-gnu
mkdir -p "$work/bin"
for program in pg_dump pg_restore; do
  cat >"$work/bin/$program" <<WRAPPER
#!/bin/sh
# PostgreSQL 17's $program from Debian 13's packages, with their own C library (written by scripts/pg-client-17.sh).
root="\$(dirname "\$(readlink -f "\$0")")/../root"
LC_ALL=C exec "\$root/$lib/ld-linux-x86-64.so.2" --library-path "\$root/$lib" "\$root/usr/lib/postgresql/17/bin/$program" "\$@"
WRAPPER
  chmod +x "$work/bin/$program"
done
rm -rf "$HOME_DIR.new"
mkdir -p "$HOME_DIR.new"
mv "$work/root" "$work/bin" "$HOME_DIR.new/"
usable "$HOME_DIR.new/bin" || { say "the unpacked pg_dump does not run: $("$HOME_DIR.new/bin/pg_dump" --version 2>&1)"; exit 1; }
rm -rf "$HOME_DIR"
mv "$HOME_DIR.new" "$HOME_DIR"
say "ready: $("$HOME_DIR/bin/pg_dump" --version)"
echo "$HOME_DIR/bin"
