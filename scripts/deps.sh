#!/bin/sh
# deps.sh: install the Debian packages tacitus builds and tests with, if any are missing.
set -eu
need=""
for pkg in gcc make pkg-config libutf8proc-dev libjansson-dev libxml2-dev zlib1g-dev libgumbo-dev libsqlite3-dev libmicrohttpd-dev python3 bc time; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need="$need $pkg"
done
[ -z "$need" ] && exit 0
echo "deps: installing$need"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $need
