#!/usr/bin/env python3
"""Builds the out-of-domain entity evaluation set from its marked-up source.

  make_ood.py [ood.txt] [--docs docs.jsonl] [--gold gold.jsonl]

The source holds one paragraph per document (blank lines between them, '#' comment lines) with
gold mentions written [text|TYPE]. The output is the shared scorers' format (the same as
../shared/tools/conll2jsonl.py): docs {"id", "text"} and gold {"id", "entities": [{begin, end,
label, text}]} with code-point offsets.
"""
import argparse
import json
import os
import re
import sys

MARK = re.compile(r"\[([^\[\]|]+)\|(PER|ORG|LOC|MISC)\]")


def parse(paragraph):
    text, ents, pos = [], [], 0
    length = 0
    for m in MARK.finditer(paragraph):
        plain = paragraph[pos:m.start()]
        text.append(plain)
        length += len(plain)
        ents.append({"begin": length, "end": length + len(m.group(1)), "label": m.group(2),
                     "text": m.group(1)})
        text.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    text.append(paragraph[pos:])
    joined = "".join(text)
    if "[" in joined or "]" in joined:
        sys.exit(f"unbalanced markup in: {paragraph[:60]}...")
    return joined, ents


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", nargs="?", default=os.path.join(here, "ood.txt"))
    ap.add_argument("--docs", default=os.path.join(here, "docs.jsonl"))
    ap.add_argument("--gold", default=os.path.join(here, "gold.jsonl"))
    a = ap.parse_args()
    lines = [l for l in open(a.source, encoding="utf-8") if not l.startswith("#")]
    paragraphs = [p.strip().replace("\n", " ") for p in "".join(lines).split("\n\n") if p.strip()]
    with open(a.docs, "w", encoding="utf-8") as fd, open(a.gold, "w", encoding="utf-8") as fg:
        for n, para in enumerate(paragraphs, 1):
            text, ents = parse(para)
            doc_id = f"ood-{n:04d}"
            fd.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            fg.write(json.dumps({"id": doc_id, "entities": ents}, ensure_ascii=False) + "\n")
    print(f"{len(paragraphs)} documents, {sum(1 for _ in open(a.gold))} gold lines")


if __name__ == "__main__":
    main()
