#!/bin/sh
# store.test.sh: `tacitus ingest/query/stats/export` on the seed article: a second ingest changes
# nothing, the GDELT export has 61 columns and the seed's events as `tacitus code` codes them,
# and bad databases give clear messages without losing what is stored.
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
seed=$shared/seed/000_c8e0bb683e9f3f08.txt
cameo=$shared/reference/cameo-event-codes.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=0 bad=0 skipped=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "store.test.sh: FAIL $1"; fi
}
# dump DB: every row of every table, in a stable order
dump() {
    python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (name,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"):
    for row in sorted(db.execute('SELECT * FROM "%s"' % name).fetchall(), key=repr):
        print(name, repr(row))
print("user_version", db.execute("PRAGMA user_version").fetchone())
PY
}

# usage and bad databases, without ../shared
printf 'Atlantis accused Lemuria of spying.\n' > "$work/a.txt"
"$tacitus" ingest > /dev/null 2> "$work/err"
check "ingest without a database is a usage error (exit 2)" "$([ $? -eq 2 ] && grep -q 'which database' "$work/err" && echo 1)"
printf 'just some notes, not a database at all, but long enough\n' > "$work/notes.db"
cp "$work/notes.db" "$work/notes.orig"
"$tacitus" ingest "$work/notes.db" --date 2024-05-06 "$work/a.txt" > /dev/null 2> "$work/err"
check "a text file as database: exit 1" "$([ $? -eq 1 ] && echo 1)"
check "... with a message naming it" "$(grep -q 'notes.db: not a SQLite database' "$work/err" && echo 1)"
check "... and the file untouched" "$(cmp -s "$work/notes.db" "$work/notes.orig" && echo 1)"
for cmd in query "stats --by day" export; do
    "$tacitus" $cmd "$work/notes.db" > /dev/null 2> "$work/err"
    check "${cmd%% *} on a text file: exit 1 with a message" "$([ $? -eq 1 ] && grep -q 'not a SQLite database' "$work/err" && echo 1)"
done
"$tacitus" query "$work/missing.db" > /dev/null 2> "$work/err"
check "query on a missing database: exit 1, not created" "$([ $? -eq 1 ] && grep -q 'missing.db: cannot open' "$work/err" && [ ! -e "$work/missing.db" ] && echo 1)"
"$tacitus" ingest "$work/x.db" --date 2024-05-06 "$work/a.txt" 2> /dev/null
mkdir "$work/ro" && cp "$work/x.db" "$work/ro/x.db" && chmod 0444 "$work/ro/x.db" && chmod 0555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
    "$tacitus" ingest "$work/ro/x.db" --date 2024-05-06 --id other "$work/a.txt" > /dev/null 2> "$work/err"
    check "read-only database: exit 1 with a message" "$([ $? -eq 1 ] && grep -q 'read-only' "$work/err" && echo 1)"
    check "... and still readable" "$("$tacitus" query "$work/ro/x.db" --format csv | grep -c ',112,' | grep -qx 1 && echo 1)"
else
    echo "store.test.sh: skipped: running as root, file permissions cannot make a database read-only"
    skipped=$((skipped + 1))
fi
chmod 0755 "$work/ro"
"$tacitus" query "$work/x.db" --text '"unclosed' > /dev/null 2> "$work/err"
check "malformed --text query: usage error (exit 2)" "$([ $? -eq 2 ] && grep -q 'x.db' "$work/err" && echo 1)"
"$tacitus" query "$work/x.db" --from 2024-13-01 > /dev/null 2> "$work/err"
check "bad --from date: usage error" "$([ $? -eq 2 ] && grep -q 'YYYY-MM-DD' "$work/err" && echo 1)"
"$tacitus" query "$work/x.db" --certainty maybe > /dev/null 2> "$work/err"
check "bad --certainty: usage error" "$([ $? -eq 2 ] && echo 1)"

if [ ! -f "$seed" ]; then
    echo "store.test.sh: skipped: $seed is absent"
    echo "store.test.sh: $ok passed, $bad failed, $((skipped + 1)) skipped"
    [ "$bad" -eq 0 ]
    exit
fi

# the seed twice: the second run stores nothing and changes nothing
db=$work/seed.db
"$tacitus" ingest "$db" --date 2022-03-14 "$seed" 2> "$work/err1"
check "first ingest exits 0" "$([ $? -eq 0 ] && echo 1)"
check "summary line" "$(grep -q '^ingest: 1 articles stored, 0 already there' "$work/err1" && echo 1)"
dump "$db" > "$work/dump1"
"$tacitus" ingest "$db" --date 2022-03-14 "$seed" 2> "$work/err2"
check "second ingest exits 0" "$([ $? -eq 0 ] && echo 1)"
check "second ingest: already there" "$(grep -q '^ingest: 0 articles stored, 1 already there' "$work/err2" && echo 1)"
dump "$db" > "$work/dump2"
check "second ingest leaves every row as it was" "$(cmp -s "$work/dump1" "$work/dump2" && [ -s "$work/dump1" ] && echo 1)"
"$tacitus" ingest "$db" --date 2022-03-14 --id renamed "$seed" 2> /dev/null
dump "$db" > "$work/dump3"
check "the same text under another id is not stored again" "$(cmp -s "$work/dump1" "$work/dump3" && echo 1)"

# the GDELT export against what `tacitus code` says of the seed
"$tacitus" code --date 2022-03-14 "$seed" > "$work/code.jsonl" 2> /dev/null
"$tacitus" export "$db" --format gdelt -o "$work/seed.tsv"
check "export exits 0" "$([ $? -eq 0 ] && echo 1)"
"$tacitus" query "$db" --format jsonl > "$work/query.jsonl"
python3 - "$work/code.jsonl" "$work/seed.tsv" "$cameo" "$work/query.jsonl" > "$work/py.out" <<'PY'
import collections, json, sys
code_path, tsv_path, cameo_path, query_path = sys.argv[1:5]
want = collections.Counter()
for line in open(code_path, encoding="utf-8"):
    r = json.loads(line)
    if r["type"] != "event" or r["certainty"] not in ("asserted", "reported"):
        continue
    key = (r["date"].replace("-", ""), (r["source"] or {}).get("code", ""),
           (r["target"] or {}).get("code", ""), r["code"], r["quad_class"], r["goldstein"])
    want[key] += 1
rows = [l.rstrip("\n").split("\t") for l in open(tsv_path, encoding="utf-8")]
print("columns", all(len(r) == 61 for r in rows) and len(rows) > 0)
got = {}
for r in rows:
    key = (r[1], r[5], r[15], r[26], int(r[29]), float(r[30]) if r[30] else None)
    got[key] = (int(r[31]), int(r[32]), int(r[33]))
print("same events", set(got) == set(want) and len(got) > 0)
print("mentions", all(got[k] == (n, 1, 1) for k, n in want.items() if k in got))
print("root and base", all(r[28] == r[26][:2] and r[27] == r[26][:3] for r in rows))
print("dateadded", all(len(r[59]) == 14 and r[59].isdigit() for r in rows))
reference = {}
try:
    for line in open(cameo_path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[0] != "code":
            reference[f[0]] = float(f[2])
    checked = [r for r in rows if r[26] in reference]
    print("reference", len(checked) > 0 and all(abs(float(r[30]) - reference[r[26]]) < 1e-9 for r in checked))
except OSError:
    print("reference skipped")
q = [json.loads(l) for l in open(query_path, encoding="utf-8")]
fields = {"type", "article", "id", "sentence", "sentence_text", "source", "target", "code", "root",
          "quad_class", "goldstein", "verb", "pattern", "certainty", "attributed_to", "disputes",
          "disputed_by", "date", "date_precision", "location", "num_mentions", "num_sources",
          "num_articles"}
print("query fields", len(q) == len(got) and all(fields <= set(r) for r in q))
PY
for what in "columns" "same events" "mentions" "root and base" "dateadded" "query fields"; do
    check "export: $what" "$(grep -qx "$what True" "$work/py.out" && echo 1)"
done
if grep -q "reference skipped" "$work/py.out"; then
    echo "store.test.sh: skipped: $cameo is absent"
    skipped=$((skipped + 1))
else
    check "export: codes and Goldstein agree with the CAMEO reference" "$(grep -qx 'reference True' "$work/py.out" && echo 1)"
fi
"$tacitus" stats "$db" --by month --format csv > "$work/stats.csv"
events=$(python3 -c "import sys; print(sum(1 for l in open(sys.argv[1])))" "$work/seed.tsv")
check "stats: rows by month" "$(sed -n 2p "$work/stats.csv" | grep -q '^2022-0[23],' && echo 1)"
check "stats --top" "$("$tacitus" stats "$db" --top actors --limit 1 | sed -n 2p | grep -q 'CHNGOV' && echo 1)"
total=$(tail -n +2 "$work/stats.csv" | awk -F, '{ n += $2 } END { print n + 0 }')
check "stats: events per month add up to the export" "$([ "$total" = "$events" ] && echo 1)"
echo "store.test.sh: $ok passed, $bad failed, $skipped skipped"
[ "$bad" -eq 0 ]
