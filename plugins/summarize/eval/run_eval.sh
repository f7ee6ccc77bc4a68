#!/usr/bin/env bash
# Scores the summarize stage and the Lead-3 baseline, measured the same way (clean, then the
# stage; ROUGE-1/2/Lsum F1 by ../shared/tools/score_rouge.py), on the CNN/DailyMail splits of
# ../shared/data/summ/cnndm. Skips cleanly (exit 0) when ../shared is absent.
#
#   plugins/summarize/eval/run_eval.sh [BUILD_DIR] [SPLIT...]     (splits: validation train)
#
# Systems: "summarize" (the shipped model, 3 sentences, after clean), "summarize +news" (after
# clean, dating and entities, as in pipelines/news.yaml), "lead-3" (the first three sentences as
# segmented), "lead-3 -dateline" (the same with the dateline dropped, as the summarizer does).
# Work files in $TMPDIR/docpipe-summarize-eval/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build}
shift || true
splits=${*:-validation}
shared=${DOCPIPE_SHARED_DIR:-$root/../shared}
data=$shared/data/summ/cnndm
if [ ! -d "$data" ] || [ ! -f "$shared/tools/score_rouge.py" ]; then
  echo "summarize eval: skipped ($data not found)"
  exit 0
fi
docpipe=$build/bin/docpipe
[ -x "$docpipe" ] || { echo "summarize eval: build docpipe first ($docpipe)" >&2; exit 1; }
work=${TMPDIR:-/tmp}/docpipe-summarize-eval
mkdir -p "$work"
eval_dir=$root/plugins/summarize/eval

score() {  # label refs out
  printf '%-18s ' "$1"
  /usr/bin/python3 "$shared/tools/score_rouge.py" --gold "$2" --system "$3"
}

for split in $splits; do
  docs=$data/${split}_docs.jsonl
  refs=$data/${split}_refs.jsonl
  [ -f "$docs" ] || { echo "summarize eval: no $docs" >&2; exit 1; }
  echo "== cnndm $split ($(wc -l < "$docs") documents) =="
  "$docpipe" run "$eval_dir/summarize.yaml" "$docs" -o "$work/$split.summarize.jsonl" --jobs 2
  "$docpipe" run "$eval_dir/summarize_news.yaml" "$docs" -o "$work/$split.news.jsonl" --jobs 2
  "$docpipe" run "$eval_dir/lead3.yaml" "$docs" -o "$work/$split.lead3.jsonl" --jobs 2
  "$docpipe" run "$eval_dir/lead3_no_dateline.yaml" "$docs" -o "$work/$split.lead3nd.jsonl" \
    --jobs 2
  score summarize "$refs" "$work/$split.summarize.jsonl"
  score "summarize +news" "$refs" "$work/$split.news.jsonl"
  score lead-3 "$refs" "$work/$split.lead3.jsonl"
  score "lead-3 -dateline" "$refs" "$work/$split.lead3nd.jsonl"
done
