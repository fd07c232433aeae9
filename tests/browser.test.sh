#!/bin/sh
# browser.test.sh: the dashboard in headless Chromium (tests/browser/dashboard.test.js, driven by
# playwright-core) against `tacitus serve` on a database of the seed article and the bundled
# sample; screenshots go to BUILD/screenshots/. Skips when Chromium or playwright-core is missing.
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
seed=$shared/seed/000_c8e0bb683e9f3f08.txt
sample=data/sample/sample.txt
chromium=/usr/bin/chromium
shots=$(dirname "$tacitus")/screenshots
name=browser.test.sh
ok=0 bad=0 skipped=0
check() {  # check NAME CONDITION-RESULT
    if [ "$2" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "$name: FAIL $1"; fi
}
summary() {
    echo "$name: $ok passed, $bad failed, $skipped skipped"
    [ "$bad" -eq 0 ]
    exit
}
# Without a browser nothing here can be checked: that is a skip, never a pass.
skip_all() {
    echo "$name: skipped: $1"
    skipped=$((skipped + 1))
    summary
}
[ -x "$chromium" ] || skip_all "$chromium is absent (make deps installs Debian's chromium)"
command -v node > /dev/null 2>&1 || skip_all "node is absent (make deps installs nodejs)"
[ -d tests/browser/node_modules/playwright-core ] ||
    skip_all "tests/browser/node_modules/playwright-core is absent (make deps, or: cd tests/browser && npm ci)"

work=$(mktemp -d)
server="" browser=""
# The server (and the browser) are stopped however the test ends: a failed check, an error,
# or an interrupt.
# stop PID: SIGTERM, then SIGKILL if it is still there after a while; its exit status
stop() {  # shellcheck disable=SC2317  # also run by the trap
    kill "$1" 2> /dev/null
    waited=0
    while kill -0 "$1" 2> /dev/null && [ "$waited" -lt 100 ]; do sleep 0.1; waited=$((waited + 1)); done
    kill -0 "$1" 2> /dev/null && kill -9 "$1" 2> /dev/null
    wait "$1" 2> /dev/null
}
cleanup() {  # shellcheck disable=SC2317  # run by the trap
    [ -z "$browser" ] || stop "$browser"
    [ -z "$server" ] || stop "$server"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

db=$work/dashboard.db
files=$sample
node_args=""
if [ -f "$seed" ]; then
    files="$seed $sample"
else
    echo "$name: skipped: $seed is absent, so the checks needing it (RUS→CHN, threats, article) are skipped"
    node_args="--no-seed"
fi
# shellcheck disable=SC2086  # FILES is a list of paths without spaces
"$tacitus" ingest "$db" --date 2022-03-14 $files > /dev/null 2> "$work/ingest.err"
check "ingest of $files exits 0" "$([ $? -eq 0 ] && echo 1)"
[ "$bad" -eq 0 ] || { cat "$work/ingest.err"; summary; }

: > "$work/serve.err"
"$tacitus" serve "$db" --port 0 2> "$work/serve.err" &
server=$!
# The server names its port on standard error once it listens; wait for that line (or its end).
url=""
tries=0
while [ -z "$url" ] && [ "$tries" -lt 300 ] && kill -0 "$server" 2> /dev/null; do
    url=$(sed -nE 's|^tacitus: serving .* on (http://127\.0\.0\.1:[0-9]+/)$|\1|p' "$work/serve.err" | head -n 1)
    [ -n "$url" ] || { sleep 0.1; tries=$((tries + 1)); }
done
check "tacitus serve prints 'serving DB on http://127.0.0.1:PORT/'" "$([ -n "$url" ] && echo 1)"
if [ -z "$url" ]; then
    sed 's/^/    /' "$work/serve.err"
    summary
fi

mkdir -p "$shots"
rm -f "$shots/dashboard.png" "$shots/filtered.png" "$shots/article.png"
# in the background, so that an interrupt runs the trap at once rather than after node ends
# shellcheck disable=SC2086  # NODE_ARGS is empty or one flag
timeout 600 node tests/browser/dashboard.test.js "$url" $node_args --shots "$shots" > "$work/node.out" 2>&1 &
browser=$!
wait "$browser"
status=$?
browser=""
cat "$work/node.out"
line=$(grep -E '^dashboard\.test\.js: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$work/node.out" | tail -n 1)
if [ -n "$line" ]; then
    ok=$((ok + $(printf '%s' "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
    bad=$((bad + $(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
    skipped=$((skipped + $(printf '%s' "$line" | sed -E 's/.* ([0-9]+) skipped$/\1/')))
fi
check "dashboard.test.js ran to its summary (exit $status)" "$([ -n "$line" ] && echo 1)"
check "the server is still up after the browser test" "$(kill -0 "$server" 2> /dev/null && echo 1)"
stop "$server"
status=$?
server=""
check "tacitus serve stops cleanly on SIGTERM (exit $status)" "$([ "$status" -eq 0 ] && echo 1)"
check "... with no sanitizer report" "$(grep -qE 'Sanitizer|runtime error' "$work/serve.err" || echo 1)"
grep -E 'Sanitizer|runtime error' "$work/serve.err" | head -n 5
for shot in dashboard filtered article; do
    if [ -s "$shots/$shot.png" ]; then echo "$name: screenshot $shots/$shot.png"; fi
done
summary
