#!/usr/bin/env bash
# Installs the Debian packages the tests use, only those missing, so a warm machine is fast. Run as root, or as a user
# with sudo; otherwise it names what is missing and why, and fails (a test must never skip a missing peer silently).
#   chromium          drives the end-to-end tests (playwright-core) and the window benchmarks
#   fonts-noto-cjk    renders the Japanese UI in their screenshots
#   tinyproxy         the real proxy (Basic auth) of the HTTPS tests
#   dovecot-pop3d     the POP3 server of POP before SMTP
#   socat             the pseudo-terminal pair of the modem tests
#   openssl           opens the S/MIME envelopes and makes the test certificates
#   gnome-keyring dbus  the real OS keychain (dbus brings dbus-run-session)
#   python3 zip unzip  read the zips; Info-ZIP is the collection benchmark's baseline
#   libfaketime       steps the clock of a running service (the clock-step tests)
#   nsis              makensis compiles the Windows installer's include (test/unit/electron/installer-nsh.test.ts)
#   lintian dpkg-dev binutils  check and build the server package (test/package: lintian, dpkg-shlibdeps, strip)
#   man-db            `man -w express-report` finds the installed package's man page
#   systemd           systemd-analyze verify checks the installed unit (systemd need not be the init)
set -euo pipefail
packages=(chromium fonts-noto-cjk tinyproxy dovecot-pop3d socat openssl gnome-keyring dbus python3 zip unzip libfaketime nsis lintian dpkg-dev binutils man-db systemd)

if ! command -v dpkg >/dev/null 2>&1; then
  echo "system-packages: this is not a Debian-based system (no dpkg); install by hand: ${packages[*]}" >&2
  exit 1
fi
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "system-packages: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
  echo "  run as root: apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "system-packages: installing ${missing[*]} (peers and tools the tests start; see scripts/system-packages.sh)"
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
