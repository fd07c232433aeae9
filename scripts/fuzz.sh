#!/bin/sh
# fuzz.sh SECONDS TARGET...: builds and runs each libFuzzer target for SECONDS on its own corpus
# (build-fuzz/corpus/NAME), seeded with the repository's sample texts, pages and dictionaries.
set -eu
seconds=$1
shift
command -v clang >/dev/null 2>&1 || { echo "fuzz: needs clang and libclang-rt (apt-get install clang libclang-rt-14-dev)"; exit 1; }
for target in "$@"; do
    name=$(basename "$target")
    make --no-print-directory -s "$target"
    corpus=build-fuzz/corpus/$name
    mkdir -p "$corpus"
    case $name in
    fuzz_analyze) cp data/sample/sample.txt "$corpus/" ;;
    fuzz_html) printf '<html><head><title>t</title></head><body><article><p>Atlantis met Lemuria.</p></article></body></html>' > "$corpus/page.html" ;;
    fuzz_dicts) head -c 4000 data/dict/verbs.txt | sed '1s/^/\x02/' > "$corpus/verbs"; head -c 4000 data/dict/countries.actors.tsv | sed '1s/^/\x04/' > "$corpus/actors" ;;
    fuzz_jsonl) printf '{"id":"a","date":"2024-01-02","text":"Atlantis met Lemuria."}\n' > "$corpus/a.jsonl" ;;
    esac
    # inputs that once crashed a target are replayed first (tests/fuzz/regressions/TARGET-*)
    short=${name#fuzz_}
    for old in tests/fuzz/regressions/"$short"-*; do
        [ -f "$old" ] || continue
        if ! "$target" "$old" > /dev/null 2>&1; then
            echo "fuzz: $name fails again on $old"
            exit 1
        fi
        echo "fuzz: $name replays $(basename "$old")"
    done
    echo "fuzz: $name for $seconds s"
    "$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 "$corpus" 2>&1 | tail -n 3
done
