#!/usr/bin/env python3
"""Datelines found on real news (../shared, research data; skipped when absent).

  plugins/clean/eval/datelines_eval.py [--docpipe build/bin/docpipe]

Runs the clean stage on TimeBank and AQUAINT (converted with ../shared/tools/tml2jsonl.py) and
on the CNN/DailyMail validation documents, and reports how many documents got a dateline, in
which paragraph, with which agency, and, for datelines that carry a date, whether the date
resolved with the document's own date (meta.dct from the corpus) lies within two days of it.
There is no gold for datelines: read the listed samples.
"""
import argparse
import collections
import datetime
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def run(docpipe, path_in, path_out):
    subprocess.run([docpipe, "run", os.path.join(HERE, "clean.yaml"), path_in, "-o", path_out,
                    "--jobs", "2"], check=True)
    with open(path_out, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def report(name, records):
    found = [r for r in records if "dateline" in r["meta"]]
    agencies = collections.Counter(r["meta"]["dateline"].get("agency", "-") for r in found)
    lead_at = collections.Counter()
    dated = close = 0
    for r in found:
        paragraphs = [a for a in r["annotations"] if a["layer"] == "paragraph"]
        for i, p in enumerate(paragraphs):
            if p["attrs"].get("lead"):
                lead_at[i] += 1
        date = r["meta"]["dateline"].get("date")
        dct = r["meta"].get("dct", "")
        if date and not date.startswith("X") and len(dct) >= 10 and r["meta"].get("dct_source") == "input":
            dated += 1
            d = datetime.date.fromisoformat(date)
            ref = datetime.date.fromisoformat(dct[:10])
            close += abs((d - ref).days) <= 2
    print(f"{name}: {len(found)}/{len(records)} documents with a dateline")
    print(f"  agencies: {dict(agencies.most_common(8))}")
    print(f"  lead paragraph index: {dict(sorted(lead_at.items()))}")
    if dated:
        print(f"  dated datelines within 2 days of the document date: {close}/{dated}")
    for r in found[:3]:
        print(f"  e.g. {r['id']}: {json.dumps(r['meta']['dateline'], ensure_ascii=False)}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docpipe", default=os.path.join(ROOT, "build", "bin", "docpipe"))
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, "data")):
        print("skipped: ../shared/data not found")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("TimeBank", "AQUAINT"):
            docs = os.path.join(tmp, corpus + ".jsonl")
            subprocess.run([sys.executable, os.path.join(SHARED, "tools", "tml2jsonl.py"),
                            os.path.join(SHARED, "data", "tempeval3", corpus), "--docs", docs,
                            "--gold", os.path.join(tmp, "gold.jsonl")], check=True)
            report(corpus, run(a.docpipe, docs, os.path.join(tmp, "out.jsonl")))
        cnn = os.path.join(SHARED, "data", "summ", "cnndm", "validation_docs.jsonl")
        if os.path.exists(cnn):
            report("CNN/DailyMail validation", run(a.docpipe, cnn, os.path.join(tmp, "out.jsonl")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
