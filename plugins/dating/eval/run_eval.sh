#!/usr/bin/env bash
# Scores the dating stage on the TempEval-3 training data (TimeBank: tuned on; AQUAINT: held
# out) with the shared scorer. Skips cleanly (exit 0) when ../shared is absent.
#
#   plugins/dating/eval/run_eval.sh [BUILD_DIR] [--errors]
#
# Output: score tables on stdout; work files (and error lists with --errors) in
# $TMPDIR/docpipe-dating-eval/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
errors=${2:-}
shared=${DOCPIPE_SHARED_DIR:-$root/../shared}
data=$shared/data/tempeval3
if [ ! -d "$data/TimeBank" ] || [ ! -f "$shared/tools/score_timex.py" ]; then
  echo "dating eval: skipped ($data not found)"
  exit 0
fi
docpipe=$build/bin/docpipe
[ -x "$docpipe" ] || { echo "dating eval: build docpipe first ($docpipe)" >&2; exit 1; }
python=/usr/bin/python3
[ -x "$python" ] || python=python3
work=${TMPDIR:-/tmp}/docpipe-dating-eval
mkdir -p "$work"
pipeline=$root/plugins/dating/eval/dating.yaml
tools=$shared/tools

for corpus in TimeBank AQUAINT; do
  [ -d "$data/$corpus" ] || continue
  echo "== $corpus =="
  "$python" "$tools/tml2jsonl.py" "$data/$corpus" --docs "$work/$corpus.docs.jsonl" \
    --gold "$work/$corpus.gold.jsonl"
  "$docpipe" run "$pipeline" "$work/$corpus.docs.jsonl" -o "$work/$corpus.out.jsonl" --jobs 2
  if [ "$errors" = "--errors" ]; then
    "$python" "$tools/score_timex.py" --gold "$work/$corpus.gold.jsonl" \
      --system "$work/$corpus.out.jsonl" --errors 2> "$work/$corpus.errors.tsv"
    echo "(errors in $work/$corpus.errors.tsv)"
  else
    "$python" "$tools/score_timex.py" --gold "$work/$corpus.gold.jsonl" \
      --system "$work/$corpus.out.jsonl"
  fi
done
