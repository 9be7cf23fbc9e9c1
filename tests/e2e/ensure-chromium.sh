#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium through playwright-core. Install it when it is missing.
set -euo pipefail
# A Japanese font, so the screenshots the layout test keeps for review show Japanese, not boxes
# (the tests themselves pass either way). Best effort: only as root, and never fatal.
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=ja 2>/dev/null)" ] && [ "$(id -u)" -eq 0 ]; then
  echo "ensure-chromium: installing a Japanese font (fonts-ipafont-gothic)…" >&2
  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq fonts-ipafont-gothic >/dev/null) || echo "ensure-chromium: no Japanese font; Japanese screenshots will show boxes" >&2
fi
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version >&2
