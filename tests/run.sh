#!/bin/sh
# run.sh BUILD_DIR: runs every test program and shell test, then prints the totals.
set -u
build=${1:-build}
passed=0 failed=0 skipped=0 broken=0
export TACITUS="$build/tacitus"
for t in "$build"/tests/test_* tests/*.test.sh tests/*.test.py; do
    [ -e "$t" ] || continue
    case "$t" in *.sh) out=$(sh "$t" 2>&1) ;; *.py) out=$(python3 "$t" 2>&1) ;; *) out=$("$t" 2>&1) ;; esac
    status=$?
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    if [ "$status" -ne 0 ] || [ -z "$line" ]; then
        printf '%s\n' "$out" | tail -n 40
        [ -z "$line" ] && { echo "$t: exited $status without a summary"; broken=$((broken + 1)); }
    else
        printf '%s\n' "$out" | grep -E 'skipped:' || true
    fi
    echo "$line"
    p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
    f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
    s=$(printf '%s' "$line" | sed -nE 's/.* ([0-9]+) skipped.*/\1/p')
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done
failed=$((failed + broken))
echo "== $build"
echo "total: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
