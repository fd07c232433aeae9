#!/bin/sh
# cli.test.sh: the `tacitus code` contract on good and bad input: exit statuses, messages
# naming file and line or byte offset, no crash (the sanitizer build runs this too).
tacitus=${TACITUS:-build/tacitus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok=0 bad=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "cli.test.sh: FAIL $1"; fi
}

cat > "$work/actors.txt" <<'D'
ATLANTIS [ATL]
+ATLANTEAN
LEMURIA [LEM]
MU_KINGDOM [MUK 19900101-19991231] [MUX]
BROKEN_ENTRY [ABC 2020013-20200201]
D
cat > "$work/agents.txt" <<'D'
GOVERNMENT [~GOV]
MINISTER [~GOV]
NO_CODE_HERE
D
cat > "$work/verbs.txt" <<'D'
--- ACCUSE [112] ---
ACCUSE
- * OF_SPYING [1121]
--- MEET [040] ---
MEET {MET MEETS MEETING}
- * TWO * STARS [041]
D
dicts="--actors $work/actors.txt --agents $work/agents.txt --verbs $work/verbs.txt"

# a plain article codes, with offsets that point at the words
printf 'The Atlantean government accused Lemuria of spying on Monday.\n' > "$work/a.txt"
"$tacitus" code $dicts --date 2024-05-06 --id a "$work/a.txt" > "$work/out" 2> "$work/err"
check "good article exits 0" "$([ $? -eq 0 ] && echo 1)"
check "event ATLGOV 1121 LEM" "$(grep -q '"source":{"code":"ATLGOV","text":"Atlantean government","start":4,"end":24}' "$work/out" && grep -q '"code":"1121"' "$work/out" && grep -q '"target":{"code":"LEM"' "$work/out" && echo 1)"
check "quad class and goldstein" "$(grep -q '"root":"11","quad_class":3,"goldstein":-2' "$work/out" && echo 1)"
check "verb offsets" "$(grep -q '"verb":{"text":"accused","start":25,"end":32}' "$work/out" && echo 1)"
check "date and article id" "$(grep -q '"article":"a"' "$work/out" && grep -q '"date":"2024-05-06"' "$work/out" && echo 1)"

# malformed dictionary lines: reported as file:line, fatal only with --strict
check "actor date reported with its line" "$(grep -q 'actors.txt:5:' "$work/err" && echo 1)"
check "agent without code reported" "$(grep -q 'agents.txt:3:' "$work/err" && echo 1)"
check "pattern with two stars reported" "$(grep -q 'verbs.txt:6:' "$work/err" && echo 1)"
"$tacitus" code $dicts --strict "$work/a.txt" > /dev/null 2> "$work/err"
check "--strict makes dictionary problems fatal (exit 1)" "$([ $? -eq 1 ] && grep -q 'strict' "$work/err" && echo 1)"

# date-restricted codes follow the article date
printf 'Mu Kingdom accused Lemuria.\n' > "$work/mu.txt"
"$tacitus" code $dicts --date 1995-01-01 "$work/mu.txt" 2>/dev/null | grep -q '"code":"MUK"'
check "restricted code inside its range" "$([ $? -eq 0 ] && echo 1)"
"$tacitus" code $dicts --date 2005-01-01 "$work/mu.txt" 2>/dev/null | grep -q '"code":"MUX"'
check "default code outside the range" "$([ $? -eq 0 ] && echo 1)"

# invalid UTF-8: replaced, reported with its byte offset, never fatal
printf 'Atlantis accused \377\376 Lemuria.\n' > "$work/bad.txt"
"$tacitus" code $dicts "$work/bad.txt" > "$work/out" 2> "$work/err"
check "invalid UTF-8 exits 0" "$([ $? -eq 0 ] && echo 1)"
check "invalid UTF-8 reported at byte 17" "$(grep -q 'bad.txt.*byte 17' "$work/err" && echo 1)"
check "invalid UTF-8 article still coded" "$(grep -q '"code":"112"' "$work/out" && echo 1)"

# empty input
: > "$work/empty.txt"
"$tacitus" code $dicts "$work/empty.txt" > "$work/out" 2>/dev/null
check "empty input exits 0 with no events" "$([ $? -eq 0 ] && [ ! -s "$work/out" ] && echo 1)"

# binary garbage
head -c 200000 /dev/urandom > "$work/junk.bin"
"$tacitus" code $dicts "$work/junk.bin" > /dev/null 2>&1
check "binary garbage exits 0" "$([ $? -eq 0 ] && echo 1)"

# a 100 MB line: over the record limit, reported and skipped, no crash
python3 -c "import sys; sys.stdout.write('{\"text\": \"' + 'Atlantis accused Lemuria ' * 4200000 + '\"}\n{\"id\":\"after\",\"text\":\"Atlantis accused Lemuria.\"}\n')" > "$work/huge.jsonl"
"$tacitus" code $dicts "$work/huge.jsonl" > "$work/out" 2> "$work/err"
check "100 MB line exits 0" "$([ $? -eq 0 ] && echo 1)"
check "100 MB line reported with its line number" "$(grep -q 'huge.jsonl:1:' "$work/err" && echo 1)"
check "the record after it is coded" "$(grep -q '"article":"after"' "$work/out" && echo 1)"

# JSON Lines with a bad record in the middle
printf '{"id":"1","date":"2024-01-02","text":"Atlantis accused Lemuria."}\n{"id":2,,}\n[1,2]\n{"id":"4"}\n{"id":"5","text":"Lemuria met Atlantis."}\n' > "$work/in.jsonl"
"$tacitus" code $dicts "$work/in.jsonl" > "$work/out" 2> "$work/err"
check "jsonl with bad records exits 0" "$([ $? -eq 0 ] && echo 1)"
check "invalid JSON reported at line 2" "$(grep -q 'in.jsonl:2:' "$work/err" && echo 1)"
check "records 1 and 5 coded" "$(grep -q '"article":"1"' "$work/out" && grep -q '"article":"5"' "$work/out" && echo 1)"
check "record date used" "$(grep -q '"date":"2024-01-02"' "$work/out" && echo 1)"

# usage and input errors
"$tacitus" code --bogus > /dev/null 2>&1
check "unknown option exits 2" "$([ $? -eq 2 ] && echo 1)"
"$tacitus" code $dicts --date 2024-13-45 "$work/a.txt" > /dev/null 2>&1
check "bad --date exits 2" "$([ $? -eq 2 ] && echo 1)"
"$tacitus" code $dicts "$work/missing.txt" > /dev/null 2> "$work/err"
check "missing input exits 1 naming the file" "$([ $? -eq 1 ] && grep -q 'missing.txt' "$work/err" && echo 1)"
"$tacitus" code --verbs "$work/nope.txt" --actors "$work/actors.txt" "$work/a.txt" > /dev/null 2>&1
check "missing dictionary exits 1" "$([ $? -eq 1 ] && echo 1)"
"$tacitus" frobnicate > /dev/null 2>&1
check "unknown command exits 2" "$([ $? -eq 2 ] && echo 1)"

echo "cli.test.sh: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
