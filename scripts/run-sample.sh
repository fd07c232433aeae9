#!/bin/sh
# run-sample.sh BUILD: codes the bundled sample article and prints its events as a table.
# Until tacitus's own dictionaries land (issue 3) it uses the Phoenix dictionaries from
# ../shared (or $TACITUS_SHARED) and says so when they are absent.
set -eu
build=${1:-build}
shared=${TACITUS_SHARED:-../shared}
dicts=$shared/peer/petrarch2/dictionaries
if [ ! -f "$dicts/CAMEO.2.0.txt" ]; then
    echo "run: $dicts is absent; tacitus's own dictionaries are not bundled yet, so there is"
    echo "run: nothing to code the sample with.  Put the shared data beside the clone, or pass"
    echo "run: PETRARCH dictionaries to '$build/tacitus code' yourself (see README)."
    exit 0
fi
echo "Coding data/sample/sample.txt with the Phoenix dictionaries in $dicts"
exec "$build/tacitus" code --format table --date 2026-11-20 --id sample \
    --actors "$dicts/Phoenix.Countries.actors.txt" \
    --actors "$dicts/Phoenix.International.actors.txt" \
    --actors "$dicts/Phoenix.MilNonState.actors.txt" \
    --agents "$dicts/Phoenix.agents.txt" --verbs "$dicts/CAMEO.2.0.txt" \
    --discards "$dicts/Phoenix.discards.txt" data/sample/sample.txt 2>/dev/null
