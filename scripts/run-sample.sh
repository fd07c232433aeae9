#!/bin/sh
# run-sample.sh BUILD: codes the bundled sample article with tacitus's own dictionaries and
# prints its events as a table.
set -eu
build=${1:-build}
echo "Coding data/sample/sample.txt (tacitus's own dictionaries, data/dict)"
exec "$build/tacitus" code --format table --date 2026-11-20 --id sample data/sample/sample.txt
