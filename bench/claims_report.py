#!/usr/bin/env python3
"""claims_report.py [N] [--sample K] [--seed S]: certainty and quote speakers on the corpus.

Codes the first N articles (default all) of ../shared/corpus/news.jsonl.gz with
`tacitus code --all-certainties` and prints, by source: events per certainty class (share),
reported events with an attribution, quotations (scare quotes apart), and the share of
quotations with a speaker and with a speaker's actor code.  With --sample K it also prints K
random quotations with their speaker and cue for review by hand (to the terminal only: the
corpus may not be copied into the repository).  Prints the command it ran.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import tempfile

from corpus import corpus_or_skip, tacitus, write_slice

parser = argparse.ArgumentParser()
parser.add_argument("limit", nargs="?", type=int)
parser.add_argument("--sample", type=int, default=0)
parser.add_argument("--seed", type=int, default=1)
opts = parser.parse_args()
corpus = corpus_or_skip("claims_report")
tacitus = tacitus()
CLASSES = ["asserted", "reported", "hypothetical", "negated"]

with tempfile.TemporaryDirectory() as work:
    path = os.path.join(work, "in.jsonl")
    records = write_slice(corpus, path, opts.limit)
    sources = {k: r.get("source", "?") for k, r in records.items()}
    texts = {k: r.get("text", "") for k, r in records.items()} if opts.sample else {}
    cmd = [tacitus, "code", "--input", "jsonl", "--all-certainties", path]
    print("command:", " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    certainty = collections.defaultdict(collections.Counter)
    quotes = collections.defaultdict(collections.Counter)
    pool = []
    for line in proc.stdout:
        if '"type":"event"' in line:
            r = json.loads(line)
            src = sources.get(r["article"], "?")
            certainty[src][r["certainty"]] += 1
            if r["certainty"] == "reported":
                certainty[src]["attributed"] += r["attributed_to"] is not None
        elif '"type":"quote"' in line:
            r = json.loads(line)
            q = quotes[sources.get(r["article"], "?")]
            if r["scare"]:
                q["scare"] += 1
                continue
            q["quotes"] += 1
            q["speaker"] += r["speaker"] is not None
            q["coded"] += bool(r["speaker"] and r["speaker"].get("code"))
            if opts.sample:
                pool.append(r)
    proc.wait()

print(f"\n{'source':28} {'events':>7} " + " ".join(f"{c:>12}" for c in CLASSES) + f" {'rep. attrib.':>12}")
total = collections.Counter()
for src in sorted(certainty):
    c = certainty[src]
    total.update(c)
    n = sum(c[k] for k in CLASSES)
    print(f"{src:28} {n:7} " + " ".join(f"{100 * c[k] / max(1, n):11.1f}%" for k in CLASSES)
          + f" {100 * c['attributed'] / max(1, c['reported']):11.1f}%")
n = sum(total[k] for k in CLASSES)
print(f"{'all':28} {n:7} " + " ".join(f"{100 * total[k] / max(1, n):11.1f}%" for k in CLASSES)
      + f" {100 * total['attributed'] / max(1, total['reported']):11.1f}%")

print(f"\n{'source':28} {'quotes':>7} {'scare':>7} {'with speaker':>13} {'speaker code':>13}")
total = collections.Counter()
for src in sorted(quotes):
    q = quotes[src]
    total.update(q)
    print(f"{src:28} {q['quotes']:7} {q['scare']:7} {100 * q['speaker'] / max(1, q['quotes']):12.1f}% "
          f"{100 * q['coded'] / max(1, q['quotes']):12.1f}%")
print(f"{'all':28} {total['quotes']:7} {total['scare']:7} "
      f"{100 * total['speaker'] / max(1, total['quotes']):12.1f}% "
      f"{100 * total['coded'] / max(1, total['quotes']):12.1f}%")

if opts.sample:
    random.seed(opts.seed)
    for i, r in enumerate(random.sample(pool, min(opts.sample, len(pool))), 1):
        text = texts.get(r["article"], "")
        context = text[max(0, r["start"] - 160):r["end"] + 80].replace("\n", " / ")
        sp = r["speaker"]
        print(f"\n[{i}] speaker: {sp and sp['name']} ({sp and sp.get('code')})  cue: {r['cue'] and r['cue']['text']}")
        print(f"    ...{context}...")
