#!/usr/bin/env python3
"""review_sample.py [N] [--sample K] [--seed S] [-- tacitus code options]: events to review by hand.

Codes the first N articles (default 5,000) of ../shared/corpus/news.jsonl.gz and prints K
random events (default 50) with their sentence, for a reviewer to judge source, target and
root.  The output goes to the terminal only: the corpus may not be copied into the
repository (docs/review.md records the judgements, not the sentences).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

from corpus import corpus_or_skip, split_options, tacitus, write_slice

args, extra = split_options(sys.argv[1:])
parser = argparse.ArgumentParser()
parser.add_argument("limit", nargs="?", type=int, default=5000)
parser.add_argument("--sample", type=int, default=50)
parser.add_argument("--seed", type=int, default=1)
opts = parser.parse_args(args)
corpus = corpus_or_skip("review_sample")
tacitus = tacitus()
with tempfile.TemporaryDirectory() as work:
    path = os.path.join(work, "in.jsonl")
    write_slice(corpus, path, opts.limit)
    cmd = [tacitus, "code", "--input", "jsonl"] + extra + [path]
    print("command:", " ".join(cmd))
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
events = [json.loads(l) for l in out.splitlines() if '"type":"event"' in l]
random.seed(opts.seed)
for i, e in enumerate(random.sample(events, min(opts.sample, len(events))), 1):
    src = e["source"]["code"] if e["source"] else "-"
    tgt = e["target"]["code"] if e["target"] else "-"
    who = e.get("attributed_to") or {}
    print(f"\n[{i}] {src} {e['code']} {tgt}  ({e.get('certainty')}"
          f"{', by ' + who.get('code', '') if who else ''})  verb: {e['verb']['text']}")
    print(f"    {e['sentence_text'][:400]}")
