#!/bin/sh
# deps.sh: install the Debian packages tacitus builds and tests with, if any are missing.
set -eu
need=""
for pkg in gcc make pkg-config libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev libgumbo-dev libsqlite3-dev libmicrohttpd-dev python3 bc time chromium wrk; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need="$need $pkg"
done
# Node.js may come from elsewhere than Debian (with its own npm): only a missing one is installed.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
if [ -n "$need" ]; then
    echo "deps: installing$need"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
fi
# The browser test drives Debian's Chromium with playwright-core from the npm registry,
# pinned by tests/browser/package-lock.json.
if [ -f tests/browser/package-lock.json ] && [ ! -d tests/browser/node_modules/playwright-core ]; then
    echo "deps: npm ci in tests/browser"
    (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
