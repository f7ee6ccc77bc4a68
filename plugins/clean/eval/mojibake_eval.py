#!/usr/bin/env python3
"""Mojibake repair measured on real news text (../shared, research data; skipped when absent).

  plugins/clean/eval/mojibake_eval.py [--docpipe build/bin/docpipe] [--limit N]

Takes real articles (BBC, CNN/DailyMail, TimeBank), breaks each the way this stage repairs:
UTF-8 bytes read as Windows-1252 (bytes it leaves undefined read as Latin-1), and runs the
clean stage on the originals and on the broken copies. Reports
  * repaired: broken documents whose clean text equals the clean text of the original;
  * untouched: original documents in which the stage repaired no mojibake (clean text must
    never be damaged: anything else is a false positive, listed).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def break_as_cp1252(text):
    out = []
    for b in text.encode("utf-8"):
        if b < 0x80:
            out.append(chr(b))
        else:
            try:
                out.append(bytes([b]).decode("cp1252"))
            except UnicodeDecodeError:
                out.append(chr(b))  # undefined in cp1252: Latin-1
    return "".join(out)


def load_docs(limit):
    docs = []
    bbc = os.path.join(SHARED, "data", "summ", "bbc", "articles")
    for root, _, files in sorted(os.walk(bbc)):
        for name in sorted(files):
            if name.endswith(".txt"):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    docs.append(("bbc/" + name, f.read()))
    cnn = os.path.join(SHARED, "data", "summ", "cnndm", "validation_docs.jsonl")
    if os.path.exists(cnn):
        with open(cnn, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                docs.append(("cnn/" + d["id"], d["text"]))
    return docs[:limit] if limit else docs


def run_clean(docpipe, docs, tmp):
    path_in = os.path.join(tmp, "in.jsonl")
    path_out = os.path.join(tmp, "out.jsonl")
    with open(path_in, "w", encoding="utf-8") as f:
        for doc_id, text in docs:
            f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    subprocess.run([docpipe, "run", os.path.join(HERE, "clean.yaml"), path_in, "-o", path_out,
                    "--jobs", "2"], check=True)
    out = {}
    with open(path_out, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            out[r["id"]] = r["meta"]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docpipe", default=os.path.join(ROOT, "build", "bin", "docpipe"))
    ap.add_argument("--limit", type=int, default=0)
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(SHARED, "data")):
        print("skipped: ../shared/data not found")
        return 0
    docs = load_docs(a.limit)
    broken = [(i, break_as_cp1252(t)) for i, t in docs]
    changed = sum(1 for (_, t), (_, b) in zip(docs, broken) if t != b)
    with tempfile.TemporaryDirectory() as tmp:
        orig = run_clean(a.docpipe, docs, tmp)
        fixed = run_clean(a.docpipe, broken, tmp)
    repaired = sum(1 for i, _ in broken if fixed[i]["clean_text"] == orig[i]["clean_text"])
    false_pos = [i for i, _ in docs if orig[i]["clean"]["mojibake"] > 0]
    print(f"documents: {len(docs)}, of which non-ASCII (changed by breaking): {changed}")
    print(f"repaired exactly: {repaired}/{len(docs)} "
          f"({100.0 * repaired / max(1, len(docs)):.2f}%)")
    print(f"untouched originals: {len(docs) - len(false_pos)}/{len(docs)}")
    for i in false_pos[:20]:
        print(f"  false positive in {i}: {orig[i]['clean']}")
    missed = [i for i, _ in broken if fixed[i]["clean_text"] != orig[i]["clean_text"]]
    for i in missed[:10]:
        o, f = orig[i]["clean_text"], fixed[i]["clean_text"]
        k = next((n for n in range(min(len(o), len(f))) if o[n] != f[n]), min(len(o), len(f)))
        print(f"  not repaired in {i}: ...{o[max(0, k - 20):k + 20]!r} vs {f[max(0, k - 20):k + 20]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
