#!/bin/sh
# serve.sh [N]: `tacitus serve` under wrk: requests/s and latency of /api/events with 64
# connections for 10 s, then 1,000 connections held at once for 10 s, with wrk's error
# counts.  The database holds the bundled sample, the seed article and, when ../shared has
# the corpus, its first N articles (default 2000).
set -eu
cd "$(dirname "$0")/.."
shared=${TACITUS_SHARED:-../shared}
n=${1:-2000}
if ! command -v wrk > /dev/null; then
    echo "serve: skipped: wrk is not installed (apt-get install wrk)"
    exit 0
fi
make --no-print-directory -s build/tacitus > /dev/null
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
db=$work/bench.db
build/tacitus ingest "$db" --quiet --date 2026-11-20 --id sample data/sample/sample.txt 2> /dev/null
[ -f "$shared/seed/000_c8e0bb683e9f3f08.txt" ] &&
    build/tacitus ingest "$db" --quiet --date 2022-03-14 "$shared/seed/000_c8e0bb683e9f3f08.txt" 2> /dev/null
if [ -f "$shared/corpus/news.jsonl.gz" ]; then
    gzip -dc "$shared/corpus/news.jsonl.gz" | head -n "$n" > "$work/in.jsonl"
    build/tacitus ingest "$db" --quiet "$work/in.jsonl" 2> /dev/null
fi
python3 - "$db" <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1])
q = lambda sql: c.execute(sql).fetchone()[0]
print("database: %d articles, %d events, %d mentions, %.1f MB"
      % (q("SELECT count(*) FROM articles"), q("SELECT count(*) FROM events"),
         q("SELECT count(*) FROM mentions"), os.path.getsize(sys.argv[1]) / 1e6))
PY

# wrk and the server need a descriptor per connection
ulimit -n 4096 2> /dev/null || ulimit -n "$(ulimit -Hn)"
build/tacitus serve "$db" --port 0 > /dev/null 2> "$work/log" &
pid=$!
tries=0
while ! grep -qs 'serving .* on http' "$work/log" && [ $tries -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
url=$(sed -n 's/^tacitus: serving .* on \(http[^ ]*\)$/\1/p' "$work/log")
[ -n "$url" ] || { cat "$work/log"; exit 1; }
echo "server: build/tacitus serve $db --port 0  ($url, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"

# run NAME WRK-ARGS...: one wrk run, summarised
run() {
    name=$1
    shift
    echo
    echo "== $name: wrk $*"
    wrk "$@" > "$work/wrk.out" 2>&1 || true
    python3 - "$work/wrk.out" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
def num(pattern, default="0"):
    m = re.search(pattern, out, re.M)
    return m.group(1) if m else default
def ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)] if m else float("nan")
requests = num(r"(\d+) requests in")
rate = num(r"Requests/sec:\s+([\d.]+)")
p50, p99 = num(r"^\s+50%\s+(\S+)", "?"), num(r"^\s+99%\s+(\S+)", "?")
connect, read, write, timeout = (num(r"Socket errors: connect (\d+)"), num(r"read (\d+)"),
                                 num(r"write (\d+)"), num(r"timeout (\d+)"))
non2xx = num(r"Non-2xx or 3xx responses: (\d+)")
print("requests: %s  requests/s: %s  p50: %.1f ms  p99: %.1f ms" % (requests, rate, ms(p50), ms(p99)))
print("errors: connect %s, read %s, write %s, timeout %s, non-2xx %s" % (connect, read, write, timeout, non2xx))
if not re.search(r"Requests/sec", out):
    print(out)
PY
}

run "/api/events, 64 connections" -t2 -c64 -d10s --latency "${url}api/events"
run "/api/events?limit=10, 1,000 connections held" -t2 -c1000 -d10s --timeout 10s --latency \
    "${url}api/events?limit=10"
kill "$pid"
wait "$pid" 2> /dev/null || true
pid=
