#!/bin/sh
# crash.test.sh: `kill -9` in the middle of an ingest of the benchmark corpus, then a re-run:
# the database is intact, every article is stored once, and events and mentions are exactly
# those of one clean run.  TACITUS_CRASH_ARTICLES sets the slice (default 2000 articles).
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
corpus=$shared/corpus/news.jsonl.gz
articles=${TACITUS_CRASH_ARTICLES:-2000}
if [ ! -f "$corpus" ]; then
    echo "crash.test.sh: skipped: $corpus is absent"
    echo "crash.test.sh: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; [ -n "$KEEP" ] || rm -rf "$work"' EXIT
ok=0 bad=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "crash.test.sh: FAIL $1"; fi
}
count() {  # count DB SQL: one number, or -1 when the database cannot answer yet
    python3 -c '
import sqlite3, sys
try:
    print(sqlite3.connect(sys.argv[1], timeout=5).execute(sys.argv[2]).fetchone()[0])
except sqlite3.Error as e:
    print(-1)
    print("crash.test.sh: %s: %s" % (sys.argv[1], e), file=sys.stderr)' "$1" "$2"
}

gzip -dc "$corpus" | head -n "$articles" > "$work/slice.jsonl"

# one clean run
"$tacitus" ingest "$work/clean.db" --quiet "$work/slice.jsonl" 2> "$work/clean.err"
check "clean run exits 0" "$([ $? -eq 0 ] && echo 1)"
total=$(count "$work/clean.db" "SELECT count(*) FROM articles")

# a run killed once some batches are committed, before the end
"$tacitus" ingest "$work/crash.db" --quiet --batch 25 "$work/slice.jsonl" 2> /dev/null &
pid=$!
stored=0 tries=0
while [ "$stored" -lt 100 ] && [ "$tries" -lt 600 ] && kill -0 "$pid" 2>/dev/null; do
    sleep 0.05
    stored=$(count "$work/crash.db" "SELECT count(*) FROM articles" 2>/dev/null)
    tries=$((tries + 1))
done
kill -9 "$pid" 2>/dev/null
killed=$?
wait "$pid" 2>/dev/null
pid=
partial=$(count "$work/crash.db" "SELECT count(*) FROM articles")
check "killed mid-way: some articles stored, not all ($partial of $total)" \
    "$([ "$killed" -eq 0 ] && [ "$partial" -gt 0 ] && [ "$partial" -lt "$total" ] && echo 1)"

# the re-run stores what is missing
"$tacitus" ingest "$work/crash.db" --quiet "$work/slice.jsonl" 2> "$work/rerun.err"
status=$?
[ "$status" -eq 0 ] || cat "$work/rerun.err"
check "re-run exits 0" "$([ "$status" -eq 0 ] && echo 1)"
check "re-run skips what was stored" "$(grep -q "articles stored, $partial already there" "$work/rerun.err" && echo 1)"
check "integrity_check is ok" "$([ "$(count "$work/crash.db" "PRAGMA integrity_check")" = ok ] && echo 1)"
check "every article once ($total)" "$([ "$(count "$work/crash.db" "SELECT count(*) FROM articles")" = "$total" ] && [ "$(count "$work/crash.db" "SELECT count(DISTINCT text_hash) FROM articles")" = "$total" ] && [ "$total" -gt 0 ] && echo 1)"
for table in events mentions sentences noise quotes entity_mentions disputes; do
    clean=$(count "$work/clean.db" "SELECT count(*) FROM $table")
    crash=$(count "$work/crash.db" "SELECT count(*) FROM $table")
    check "$table: $crash rows, as the clean run's $clean" "$([ "$clean" = "$crash" ] && [ "$clean" -ge 0 ] && echo 1)"
done
# the same events with the same counts, whatever their ids
events="SELECT group_concat(k, ';') FROM (SELECT date || source || '>' || target || code || ':' ||
        num_mentions || '/' || num_sources || '/' || num_articles AS k FROM events ORDER BY k)"
check "same events and counts as the clean run" "$([ "$(count "$work/clean.db" "$events")" = "$(count "$work/crash.db" "$events")" ] && echo 1)"
echo "crash.test.sh: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
