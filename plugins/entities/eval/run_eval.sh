#!/usr/bin/env bash
# Scores the entities stage on CoNLL-2003 valid (in domain) and WNUT-17 dev+test (social media,
# out of domain) with the shared scorers. Skips cleanly (exit 0) when ../shared is absent.
#
#   plugins/entities/eval/run_eval.sh [BUILD_DIR] [--errors]
#
# Output: score tables on stdout; work files in $TMPDIR/docpipe-entities-eval/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
errors=${2:-}
shared=${DOCPIPE_SHARED_DIR:-$root/../shared}
if [ ! -d "$shared/data/ner" ] || [ ! -x "$shared/tools/score_ner.py" ]; then
  echo "entities eval: skipped ($shared/data/ner not found)"
  exit 0
fi
docpipe=$build/bin/docpipe
[ -x "$docpipe" ] || { echo "entities eval: build docpipe first ($docpipe)" >&2; exit 1; }
work=${TMPDIR:-/tmp}/docpipe-entities-eval
mkdir -p "$work"
pipeline=$root/plugins/entities/eval/entities_only.yaml
tools=$shared/tools

run() {  # name conll-file...
  local name=$1
  shift
  cat "$@" > "$work/$name.conll"
  python3 "$tools/conll2jsonl.py" "$work/$name.conll" --docs "$work/$name.docs.jsonl" \
    --gold "$work/$name.gold.jsonl" --name "$name"
  "$docpipe" run "$pipeline" "$work/$name.docs.jsonl" -o "$work/$name.out.jsonl" --jobs 2
}

echo "== CoNLL-2003 valid (exact span and type) =="
run conll_valid "$shared/data/ner/conll2003/valid.txt"
if [ "$errors" = "--errors" ]; then
  python3 "$tools/score_ner.py" --gold "$work/conll_valid.gold.jsonl" \
    --system "$work/conll_valid.out.jsonl" --errors 2> "$work/conll_valid.errors.tsv"
  echo "(errors in $work/conll_valid.errors.tsv)"
else
  python3 "$tools/score_ner.py" --gold "$work/conll_valid.gold.jsonl" \
    --system "$work/conll_valid.out.jsonl"
fi

echo "== WNUT-17 dev+test (out of domain; corporation/group -> ORG, product/creative-work -> MISC) =="
run wnut "$shared/data/ner/wnut17/emerging.dev.conll" "$shared/data/ner/wnut17/emerging.test.annotated"
python3 - "$work/wnut.gold.jsonl" <<'PY'
import json, sys
path = sys.argv[1]
fold = {"person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG",
        "product": "MISC", "creative-work": "MISC"}
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
with open(path, "w", encoding="utf-8") as f:
    for r in rows:
        for e in r["entities"]:
            e["label"] = fold.get(e["label"], e["label"])
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
echo "-- PER, LOC, ORG --"
python3 "$tools/score_ner.py" --gold "$work/wnut.gold.jsonl" --system "$work/wnut.out.jsonl" \
  --types PER,LOC,ORG
echo "-- all four --"
python3 "$tools/score_ner.py" --gold "$work/wnut.gold.jsonl" --system "$work/wnut.out.jsonl" | tail -1
