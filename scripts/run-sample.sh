#!/bin/sh
# run-sample.sh BUILD: codes the bundled sample article with tacitus's own dictionaries, prints
# its events as a table, then ingests it into an embedded database and serves the dashboard.
set -eu
build=${1:-build}
db=$build/sample.db
echo "Coding data/sample/sample.txt (tacitus's own dictionaries, data/dict)"
"$build/tacitus" code --format table --date 2026-11-20 --id sample data/sample/sample.txt
echo
echo "Ingesting it into $db"
rm -f "$db" "$db-wal" "$db-shm"
"$build/tacitus" ingest "$db" --quiet --date 2026-11-20 --id sample data/sample/sample.txt
echo
echo "Serving the dashboard (Ctrl-C stops it); open the URL below in a browser."
exec "$build/tacitus" serve "$db" --port "${TACITUS_PORT:-8080}"
