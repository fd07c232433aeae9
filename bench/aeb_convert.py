#!/usr/bin/env python3
"""aeb_convert.py: turns `tacitus extract` JSON Lines into the {id: text} JSON that the AEB
score.py reads, and prints the extraction speed.

Usage: aeb_convert.py OUT.jsonl OUT.json HTML_DIR WALL_SECONDS CPU_SECONDS
(CPU_SECONDS 0 when unknown)
"""
import glob
import gzip
import json
import os
import sys


def main():
    jsonl, out, html_dir, wall, cpu = sys.argv[1:6]
    texts = {}
    with open(jsonl, encoding='utf8') as f:
        for line in f:
            record = json.loads(line)
            texts[record['id']] = record.get('text') or ''
    with open(out, 'w', encoding='utf8') as f:
        json.dump(texts, f, ensure_ascii=False)
    pages = glob.glob(os.path.join(html_dir, '*.html.gz'))
    raw = 0
    for path in pages:
        with gzip.open(path, 'rb') as g:
            raw += len(g.read())
    print(f'html       {len(pages)} pages, {raw / 1e6:.1f} MB of HTML (gunzip included in the times)')
    for name, seconds in (('wall', float(wall)), ('cpu', float(cpu))):
        if seconds > 0:
            print(f'speed      {len(pages) / seconds:.1f} pages/s, {raw / seconds / 1e6:.1f} MB/s '
                  f'({name} {seconds:.2f} s, one core)')


if __name__ == '__main__':
    main()
