#!/bin/sh
# ingest.sh [N]: ingest throughput (articles/s, MB/s of article text) next to `tacitus code`
# alone on the same input, and the database size per 1,000 articles.  N: the first N corpus
# articles (default 5000).  Uses tacitus's own dictionaries, as both commands do by default.
set -eu
cd "$(dirname "$0")/.."
shared=${TACITUS_SHARED:-../shared}
corpus=$shared/corpus/news.jsonl.gz
n=${1:-5000}
if [ ! -f "$corpus" ]; then
    echo "ingest: skipped: $corpus is absent"
    exit 0
fi
make --no-print-directory -s build/tacitus >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gzip -dc "$corpus" | head -n "$n" > "$work/in.jsonl"
text_mb=$(python3 -c '
import json, sys
print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8")) / 1e6)' "$work/in.jsonl")

seconds() { python3 -c 'import time; print(time.monotonic())'; }
t0=$(seconds)
build/tacitus code "$work/in.jsonl" > /dev/null 2>&1
t1=$(seconds)
cmd="build/tacitus ingest $work/bench.db --quiet $work/in.jsonl"
$cmd 2> "$work/ingest.err"
t2=$(seconds)
python3 - "$n" "$text_mb" "$t0" "$t1" "$t2" "$work/bench.db" <<'PY'
import os, sqlite3, sys
n, mb = int(sys.argv[1]), float(sys.argv[2])
t0, t1, t2 = map(float, sys.argv[3:6])
db = sys.argv[6]
code_s, ingest_s = t1 - t0, t2 - t1
size = os.path.getsize(db)
c = sqlite3.connect(db)
articles = c.execute("SELECT count(*) FROM articles").fetchone()[0]
events = c.execute("SELECT count(*) FROM events").fetchone()[0]
mentions = c.execute("SELECT count(*) FROM mentions").fetchone()[0]
text = c.execute("SELECT sum(bytes) FROM articles").fetchone()[0] or 0
print("input: %d articles, %.1f MB of article text" % (n, mb))
print("tacitus code:   %6.2f s  %7.1f articles/s  %5.2f MB/s" % (code_s, n / code_s, mb / code_s))
print("tacitus ingest: %6.2f s  %7.1f articles/s  %5.2f MB/s  (%.0f%% of code's speed)"
      % (ingest_s, n / ingest_s, mb / ingest_s, 100 * code_s / ingest_s))
print("database: %.1f MB for %d articles: %.2f MB per 1,000 articles (%.2f MB of it article text);"
      " %d events, %d mentions" % (size / 1e6, articles, size / 1e6 / articles * 1000,
                                   text / 1e6 / articles * 1000, events, mentions))
PY
echo "command: $cmd"
