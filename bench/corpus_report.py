#!/usr/bin/env python3
"""corpus_report.py [N] [-- tacitus code options]: what tacitus finds in the benchmark corpus.

Codes the first N articles (default all) of ../shared/corpus/news.jsonl.gz and prints, by
source: articles, lines dropped as noise, sentences coded, events per 1,000 sentences, the
share of sentences with at least one event, and the share of events per certainty class when
the output has one.  Prints the command it ran.
"""
import collections
import json
import os
import subprocess
import sys
import tempfile

from corpus import corpus_or_skip, split_options, tacitus, write_slice

corpus = corpus_or_skip("corpus_report")
args, extra = split_options(sys.argv[1:])
limit = int(args[0]) if args else None
tacitus = tacitus()

with tempfile.TemporaryDirectory() as work:
    path = os.path.join(work, "in.jsonl")
    records = write_slice(corpus, path, limit)
    cmd = [tacitus, "code", "--input", "jsonl"] + extra + [path]
    print("command:", " ".join(cmd))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    per = collections.defaultdict(lambda: collections.Counter())
    with_event = collections.defaultdict(set)
    certainty = collections.defaultdict(collections.Counter)
    for line in proc.stdout:
        r = json.loads(line)
        if r["type"] == "article":
            c = per[r.get("source", "?")]
            c["articles"] += 1
            c["lines"] += r["lines"]
            c["noise"] += r["noise_lines"]
            c["sentences"] += r["sentences"]
            c["events"] += r["events"]
        elif r["type"] == "event":
            with_event[r["article"]].add(r["sentence"])
            certainty[r["article"]][r.get("certainty", "asserted")] += 1
    proc.wait()
    sources = {k: r.get("source", "?") for k, r in records.items()}

hit = collections.Counter()
cert = collections.defaultdict(collections.Counter)
for art, sentences in with_event.items():
    hit[sources.get(art, "?")] += len(sentences)
    cert[sources.get(art, "?")].update(certainty[art])

print(f"{'source':28} {'articles':>8} {'noise%':>7} {'sentences':>9} {'ev/1k':>7} {'sent w/ ev':>10}  certainty")
total = collections.Counter()
for source in sorted(per):
    c = per[source]
    total.update(c)
    total["hit"] += hit[source]
    shares = ", ".join(f"{k} {100 * v / max(1, sum(cert[source].values())):.0f}%"
                       for k, v in cert[source].most_common())
    print(f"{source:28} {c['articles']:8} {100 * c['noise'] / max(1, c['lines']):6.1f}% "
          f"{c['sentences']:9} {1000 * c['events'] / max(1, c['sentences']):7.1f} "
          f"{100 * hit[source] / max(1, c['sentences']):9.1f}%  {shares}")
print(f"{'all':28} {total['articles']:8} {100 * total['noise'] / max(1, total['lines']):6.1f}% "
      f"{total['sentences']:9} {1000 * total['events'] / max(1, total['sentences']):7.1f} "
      f"{100 * total['hit'] / max(1, total['sentences']):9.1f}%")
