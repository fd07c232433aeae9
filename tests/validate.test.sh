#!/bin/sh
# validate.test.sh: PETRARCH's validation records must keep passing at least FLOOR records.
# Raise FLOOR whenever the coder improves; it must never fall.
FLOOR=250
tacitus=${TACITUS:-build/tacitus}
shared=${TACITUS_SHARED:-../shared}
records=$shared/peer/petrarch2/text/PETR.UnitTest.records.xml
dicts=$shared/peer/petrarch2/dictionaries
if [ ! -f "$records" ]; then
    echo "validate.test.sh: skipped: $records is absent"
    echo "validate.test.sh: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
out=$("$tacitus" validate "$records" --dict-dir "$dicts" 2>/dev/null)
status=$?
line=$(printf '%s\n' "$out" | tail -n 1)
passed=$(printf '%s' "$line" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\1/p')
failed=$(printf '%s' "$line" | sed -nE 's/^([0-9]+) passed, ([0-9]+) failed$/\2/p')
ok=0 bad=0
check() { if [ "$1" = 1 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "validate.test.sh: $2"; fi; }
check "$([ "$status" -eq 0 ] && echo 1)" "tacitus validate exited $status"
check "$([ -n "$passed" ] && [ "$((passed + failed))" -eq 284 ] && echo 1)" "expected a summary over 284 records, got '$line'"
check "$([ -n "$passed" ] && [ "$passed" -ge "$FLOOR" ] && echo 1)" "$passed records pass, below the floor of $FLOOR"
echo "validate.test.sh: records $line (floor $FLOOR)"
echo "validate.test.sh: $ok passed, $bad failed"
[ "$bad" -eq 0 ]
