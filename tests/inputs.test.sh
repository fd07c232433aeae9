#!/bin/sh
# inputs.test.sh: `tacitus code` over a directory of good and bad files, gzip and standard
# input: every good article is coded, every bad file is named on stderr, the run exits 0.
tacitus=${TACITUS:-build/tacitus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=0 bad=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "inputs.test.sh: FAIL $1"; fi
}
articles() { grep -c '"type":"article"' "$1"; }

# Tiny dictionaries, so the test does not depend on tacitus's own.
printf 'ATLANTIS [ATL]\nLEMURIA [LEM]\n' > "$work/actors.txt"
printf -- '--- ACCUSE [112] ---\nACCUSE\n' > "$work/verbs.txt"
dicts="--actors $work/actors.txt --verbs $work/verbs.txt"

corpus=$work/corpus
mkdir -p "$corpus/sub" "$corpus/.cache"
printf 'Atlantis accused Lemuria of spying.\n' > "$corpus/a.txt"
printf '{"id":"b1","text":"Atlantis accused Lemuria."}\n{"id":"b2",,}\n{"id":"b3","text":"Lemuria accused Atlantis."}\n' > "$corpus/b.jsonl"
cat > "$corpus/sub/page.html" <<'H'
<html><head><title>Border talks</title></head><body><nav><a href="/">Home</a></nav>
<article><p>Atlantis accused Lemuria of moving troops to the border on Monday, officials said.</p>
<p>Lemuria denied the claim and called for talks between the two governments next week.</p></article>
</body></html>
H
printf 'Lemuria accused Atlantis.\n' | gzip -c > "$corpus/sub/d.txt.gz"
# 2000 records, gzip cut in the middle: the complete lines before the cut must be coded.
python3 - "$corpus/c.jsonl.gz" "$work/c.expected" <<'P'
import gzip, sys, zlib
data = "".join('{"id":"c%d","text":"Atlantis accused Lemuria %d times."}\n' % (i, i * 7919)
               for i in range(1, 2001)).encode()
packed = gzip.compress(data)
cut = packed[: len(packed) // 2]
open(sys.argv[1], "wb").write(cut)
prefix = zlib.decompressobj(31).decompress(cut)
open(sys.argv[2], "w").write("%d\n" % prefix.count(b"\n"))
P
head -c 100000 /dev/urandom > "$corpus/junk.txt"
printf '%%PDF-1.4\n' > "$corpus/notes.pdf"
printf 'Atlantis accused Lemuria in a hidden file.\n' > "$corpus/.cache/hidden.txt"
: > "$corpus/empty.txt"
truncated_ok=$(cat "$work/c.expected")

"$tacitus" code $dicts "$corpus" > "$work/out" 2> "$work/err"
check "a directory with bad files exits 0" "$([ $? -eq 0 ] && echo 1)"
want=$((1 + 2 + truncated_ok + 1 + 1))  # a.txt, b.jsonl, c.jsonl.gz, page.html, d.txt.gz
check "every good article coded ($want)" "$([ "$(articles "$work/out")" -eq "$want" ] && echo 1)"
check "the page's article coded" "$(grep -q '"article":"page","date":"[0-9-]*","title":"Border talks"' "$work/out" && echo 1)"
check "records b1 and b3 coded" "$(grep -q '"article":"b1"' "$work/out" && grep -q '"article":"b3"' "$work/out" && echo 1)"
check "the last complete record before the cut coded" "$(grep -q "\"article\":\"c$truncated_ok\"" "$work/out" && echo 1)"
check "invalid JSON named with its line" "$(grep -q 'corpus/b.jsonl:2: invalid JSON' "$work/err" && echo 1)"
check "truncated gzip named with line and byte" "$(grep -q "corpus/c.jsonl.gz:$((truncated_ok + 1)): truncated gzip data: the file ends at byte" "$work/err" && echo 1)"
check "binary junk named" "$(grep -q 'corpus/junk.txt:0: expected text; found binary data' "$work/err" && echo 1)"
check "unrecognised file named" "$(grep -q 'corpus/notes.pdf:0: expected a name ending in' "$work/err" && echo 1)"
check "hidden and empty files are silent" "$(! grep -v '^read ' "$work/err" | grep -q 'hidden\|empty.txt' && echo 1)"
check "each problem reported once, then the summary" "$([ "$(wc -l < "$work/err")" -eq 5 ] && echo 1)"
check "the summary counts what was read" "$(grep -q "^read .* records:" "$work/err" && echo 1)"

# Standard input: the format is sniffed from the first bytes, gzip from its magic.
"$tacitus" code $dicts < "$corpus/b.jsonl" > "$work/out" 2> "$work/err"
check "JSON Lines on stdin" "$([ $? -eq 0 ] && [ "$(articles "$work/out")" -eq 2 ] && grep -q '<stdin>:2: invalid JSON' "$work/err" && echo 1)"
"$tacitus" code $dicts - < "$corpus/sub/page.html" > "$work/out" 2>/dev/null
check "HTML on stdin" "$(grep -q '"title":"Border talks"' "$work/out" && echo 1)"
gzip -c "$corpus/b.jsonl" | "$tacitus" code $dicts > "$work/out" 2>/dev/null
check "gzip JSON Lines on stdin" "$([ "$(articles "$work/out")" -eq 2 ] && echo 1)"
"$tacitus" code $dicts < "$corpus/a.txt" > "$work/out" 2>/dev/null
check "text on stdin" "$([ "$(articles "$work/out")" -eq 1 ] && grep -q '"code":"112"' "$work/out" && echo 1)"

# Several inputs: a file, a directory and a missing path (that one is fatal: exit 1).
"$tacitus" code $dicts "$corpus/a.txt" "$corpus/sub" > "$work/out" 2>/dev/null
check "a file and a directory" "$([ $? -eq 0 ] && [ "$(articles "$work/out")" -eq 3 ] && echo 1)"
"$tacitus" code $dicts "$corpus/sub" "$work/missing" > "$work/out" 2> "$work/err"
check "missing path exits 1 naming it" "$([ $? -eq 1 ] && grep -q 'missing' "$work/err" && echo 1)"

echo "inputs.test.sh: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
