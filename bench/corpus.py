"""corpus.py: what the corpus scripts of bench/ share: finding the corpus and the binary, slicing the corpus."""
import gzip
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def corpus_or_skip(script):
    """The benchmark corpus's path; exits 0 with a skip message when it is absent."""
    shared = os.environ.get("TACITUS_SHARED") or "../shared"
    corpus = os.path.join(shared, "corpus", "news.jsonl.gz")
    if not os.path.exists(corpus):
        print(f"{script}: skipped: {corpus} is absent")
        sys.exit(0)
    return corpus


def tacitus():
    """$TACITUS, or the build beside this directory."""
    return os.environ.get("TACITUS") or os.path.join(HERE, "..", "build", "tacitus")


def split_options(argv):
    """Splits "ARGS -- OPTIONS OF tacitus code" into the two lists."""
    if "--" in argv:
        i = argv.index("--")
        return argv[:i], argv[i + 1:]
    return argv, []


def write_slice(corpus, path, limit=None):
    """Writes the first `limit` records (all when None) to `path`; returns {id: record}."""
    records = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as src, open(path, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if limit is not None and i >= limit:
                break
            dst.write(line)
            record = json.loads(line)
            records[record["id"]] = record
    return records
