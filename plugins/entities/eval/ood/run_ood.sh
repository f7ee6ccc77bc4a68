#!/usr/bin/env bash
# Scores the entities stage on the project's own out-of-domain set (eval/ood: Wikipedia-style
# and news paragraphs written for docpipe, gold in ood.txt) with ../shared/tools/score_ner.py.
# Skips cleanly (exit 0) when the shared scorer is absent.
#
#   plugins/entities/eval/ood/run_ood.sh [BUILD_DIR] [--errors]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
build=${1:-$root/build}
errors=${2:-}
shared=${DOCPIPE_SHARED_DIR:-$root/../shared}
if [ ! -x "$shared/tools/score_ner.py" ]; then
  echo "entities ood eval: skipped ($shared/tools/score_ner.py not found)"
  exit 0
fi
docpipe=$build/bin/docpipe
[ -x "$docpipe" ] || { echo "entities ood eval: build docpipe first ($docpipe)" >&2; exit 1; }
work=${TMPDIR:-/tmp}/docpipe-entities-eval
mkdir -p "$work"
"$docpipe" run "$root/plugins/entities/eval/entities_only.yaml" "$here/docs.jsonl" \
  -o "$work/ood.out.jsonl" --jobs 2
echo "== own out-of-domain set (eval/ood, exact span and type) =="
if [ "$errors" = "--errors" ]; then
  python3 "$shared/tools/score_ner.py" --gold "$here/gold.jsonl" --system "$work/ood.out.jsonl" \
    --errors
else
  python3 "$shared/tools/score_ner.py" --gold "$here/gold.jsonl" --system "$work/ood.out.jsonl"
fi
