#!/bin/sh
# code_corpus.sh [N]: codes the benchmark corpus with the full Phoenix dictionaries on one core
# and prints MB/s and sentences/s next to a plain read of the same bytes, the dictionary load
# time and peak RSS.  N limits the run to the first N articles (default: all 39,251).
set -eu
cd "$(dirname "$0")/.."
shared=${TACITUS_SHARED:-../shared}
corpus=$shared/corpus/news.jsonl.gz
dicts=$shared/peer/petrarch2/dictionaries
if [ ! -f "$corpus" ] || [ ! -d "$dicts" ]; then
    echo "code_corpus: skipped: $corpus or $dicts is absent"
    exit 0
fi
make --no-print-directory -s build/tacitus >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${1:-}" ]; then zcat "$corpus" | head -n "$1" > "$work/in.jsonl"
else zcat "$corpus" > "$work/in.jsonl"; fi
bytes=$(wc -c < "$work/in.jsonl")

# A plain read of the same bytes in the same run, so the ratio holds on a noisy machine.
t0=$(date +%s.%N); cat "$work/in.jsonl" > /dev/null; t1=$(date +%s.%N)
read_s=$(echo "$t1 - $t0" | bc -l)

cmd="taskset -c 0 build/tacitus code --stats --input jsonl \
 --actors $dicts/Phoenix.Countries.actors.txt --actors $dicts/Phoenix.International.actors.txt \
 --actors $dicts/Phoenix.MilNonState.actors.txt --agents $dicts/Phoenix.agents.txt \
 --verbs $dicts/CAMEO.2.0.txt --discards $dicts/Phoenix.discards.txt $work/in.jsonl"
/usr/bin/time -v sh -c "$cmd > $work/out.jsonl 2> $work/stats.txt" 2> "$work/time.txt"
echo "command: $cmd"
grep '^stats:' "$work/stats.txt" | tail -n 1
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
events=$(wc -l < "$work/out.jsonl")
printf 'input: %s bytes of JSON Lines; plain read: %.3f s (%.0f MB/s)\n' "$bytes" "$read_s" \
    "$(echo "$bytes / 1000000 / ($read_s + 0.000001)" | bc -l)"
printf 'events written: %s; peak RSS: %.1f MB\n' "$events" "$(echo "$rss / 1024" | bc -l)"
