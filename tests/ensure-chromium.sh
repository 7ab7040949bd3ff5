#!/usr/bin/env bash
# Installs Debian's headless Chromium for the browser tests of the invitation pages (Playwright drives /usr/bin/chromium;
# Playwright's own browser download is not reachable). Safe to run repeatedly. Needs root and Debian's package archive.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present)"
  exit 0
fi

echo "chromium: installing from Debian's archive"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null)"
