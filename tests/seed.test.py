#!/usr/bin/env python3
"""seed.test.py: the reference article must give what ../shared/acceptance/seed.expect.json says.

Implements the file's matching rule: an event matches when its sentence contains the
expected text, its root matches, and its source and target match (an expected actor is met
by any code that starts with it; a null target needs no target).
"""
import json
import os
import subprocess
import sys

NAME = "seed.test.py"
shared = os.environ.get("TACITUS_SHARED") or "../shared"
tacitus = os.environ.get("TACITUS") or "build/tacitus"
expect_path = os.path.join(shared, "acceptance", "seed.expect.json")
if not os.path.exists(expect_path):
    print(f"{NAME}: skipped: {expect_path} is absent")
    print(f"{NAME}: 0 passed, 0 failed, 1 skipped")
    sys.exit(0)

expect = json.load(open(expect_path, encoding="utf-8"))
article = expect["article"]
seed = os.path.normpath(os.path.join(os.path.dirname(expect_path), article["file"]))
out = subprocess.run([tacitus, "code", "--all-certainties", "--date", article["date"], "--id",
                      article["id"], seed], capture_output=True, text=True)
if out.returncode != 0 and "--all-certainties" in out.stderr:
    out = subprocess.run([tacitus, "code", "--date", article["date"], "--id", article["id"], seed],
                         capture_output=True, text=True)
records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
events = [r for r in records if r["type"] == "event"]
noise = [r for r in records if r["type"] == "noise"]
entities = [r for r in records if r["type"] == "entity"]
text = open(seed, encoding="utf-8").read()

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"{NAME}: FAIL {what}")


def code(actor):
    return actor["code"] if actor else None


def actor_ok(got, want):
    if want is None:
        return True
    return got is not None and got.startswith(want)


def matches(e, spec):
    if spec["sentence_contains"] not in e["sentence_text"]:
        return False
    roots = spec.get("root_any_of") or [spec["root"]]
    if e["root"] not in roots:
        return False
    s, t = code(e["source"]), code(e["target"])
    if "source_any_of" in spec:
        if not any(actor_ok(s, a) for a in spec["source_any_of"]):
            return False
        if not any(actor_ok(t, a) for a in spec["target_any_of"]):
            return False
        return s[:3] != t[:3]
    return actor_ok(s, spec["source"]) and actor_ok(t, spec.get("target"))


def describe(e):
    return f'{code(e["source"])} {e["code"]} {code(e["target"])} in "{e["sentence_text"][:60]}"'


check(out.returncode == 0, f"tacitus exited {out.returncode}: {out.stderr[-300:]}")

for spec in expect["required_events"]:
    found = [e for e in events if matches(e, spec)]
    check(bool(found), f'required {spec["id"]}: {spec.get("source", spec.get("source_any_of"))} '
                       f'{spec.get("root", spec.get("root_any_of"))} '
                       f'{spec.get("target", spec.get("target_any_of"))} in "{spec["sentence_contains"]}"')

boiler = expect["boilerplate_lines"]
for spec in expect["forbidden_events"]:
    if spec.get("any_boilerplate_line"):
        bad = [e for e in events if any(e["sentence_text"] in line or line in e["sentence_text"]
                                        for line in boiler)]
    else:
        bad = [e for e in events if spec["sentence_contains"] in e["sentence_text"]
               and actor_ok(code(e["source"]), spec["source"])
               and e.get("certainty", "asserted") in ("asserted", "reported")]
    check(not bad, f'forbidden {spec["id"]}: ' + "; ".join(describe(e) for e in bad))

dropped = {n["text"] for n in noise}
for line in boiler:
    check(line in dropped, f'noise line not dropped: "{line}"')
article_lines = [l.strip() for l in text.splitlines() if l.strip() and l.strip() not in boiler]
for n in noise:
    check(n["text"] not in article_lines, f'article line dropped as noise: "{n["text"]}"')

for person in expect["persons"]:
    found = [e for e in entities if e["kind"] == "person" and
             (e.get("name") == person["name"] or e["text"] == person["name"]) and
             e.get("actor", "").startswith(person["actor"])]
    check(bool(found), f'person {person["name"]} with actor {person["actor"]}')

for place in expect["places"]:
    found = [e for e in entities if e["kind"] == "place" and
             (e.get("name") == place["name"] or e["text"] == place["name"]) and
             e.get("country") == place["country"]]
    check(bool(found), f'place {place["name"]} in {place["country"]}')

for spec in expect["optional_events"]:
    found = [e for e in events if matches(e, spec)]
    print(f'{NAME}: optional {spec["id"]} ({spec.get("preferred")}): '
          + (describe(found[0]) if found else "not coded"))

print(f"{NAME}: events coded: " + "; ".join(describe(e) for e in events))
print(f"{NAME}: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
