#!/bin/sh
# aeb.sh: runs `tacitus extract` over the article-extraction benchmark (Zyte AEB) and prints F1, precision, recall and speed.
#
#   sh bench/aeb.sh                      scores build/tacitus (TACITUS=... for another binary)
#   AEB_PER_PAGE=/tmp/pp.tsv sh bench/aeb.sh   also writes per-page tp/fp/fn (score.py --per-page)
#   AEB_KEEP=DIR sh bench/aeb.sh         keeps the JSON Lines and {id: text} outputs in DIR
#
# The pages and the scorer live in ../shared/peer/aeb (TACITUS_SHARED overrides ../shared);
# nothing from there is copied into the repository.
set -eu
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
aeb=$shared/peer/aeb
here=$(dirname "$0")
if [ ! -d "$aeb/html" ] || [ ! -f "$aeb/score.py" ]; then
    echo "aeb.sh: skipped: $aeb is absent"
    exit 0
fi
work=${AEB_KEEP:-$(mktemp -d)}
[ -n "${AEB_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
# one core: the extractor is single-threaded; pin it so the figure does not depend on load elsewhere
pin=""
command -v taskset > /dev/null 2>&1 && pin="taskset -c 0"
command="$pin $tacitus extract --format jsonl $aeb/html/*.html.gz"
# CPU seconds from /usr/bin/time when there is one: on a shared machine they vary less than
# the wall clock
start=$(date +%s.%N)
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$work/aeb.time" $command > "$work/aeb.jsonl" 2> "$work/aeb.err"
else
    $command > "$work/aeb.jsonl" 2> "$work/aeb.err"
    echo "" > "$work/aeb.time"
fi
end=$(date +%s.%N)
tail -n 1 "$work/aeb.err"
cpu=$(awk 'NF == 2 { print $1 + $2 }' "$work/aeb.time")
python3 "$here/aeb_convert.py" "$work/aeb.jsonl" "$work/aeb.json" "$aeb/html" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "${cpu:-0}"
per_page=""
[ -n "${AEB_PER_PAGE:-}" ] && per_page="--per-page $AEB_PER_PAGE"
python3 "$aeb/score.py" "$work/aeb.json" $per_page
echo "command: $tacitus extract --format jsonl $aeb/html/*.html.gz  (pinned with taskset -c 0 when available)"
