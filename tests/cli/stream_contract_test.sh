#!/bin/sh
# The contract batch engines rely on (docs/batch-engines.md): `docpipe run PIPELINE -` reads
# JSONL on standard input and writes only output records on standard output, in input order;
# dead letters go to the --dead-letter side file; nothing else is written to standard output;
# the exit code is 0 when every line became a record or a dead letter.
# Usage: stream_contract_test.sh DOCPIPE_BINARY FIXTURE_PLUGIN_DIR
set -eu
docpipe="$1"
plugins="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/pipeline.yaml" <<'YAML'
name: contract
stages:
  - plugin: failing
    on_error: drop
YAML
# Good lines, a line that is not JSON, a line without text, and a document the stage drops.
cat > "$work/in.jsonl" <<'JSONL'
{"id": "a", "text": "The first report."}
not json at all
{"id": "b", "text": "The second report."}
{"id": "c"}
{"id": "d", "text": "Please FAIL on this one."}
{"id": "e", "text": "The last report."}
JSONL

fail() { echo "stream contract: $*" >&2; exit 1; }

code=0
"$docpipe" run "$work/pipeline.yaml" - --plugin-path "$plugins" --dead-letter "$work/dead.jsonl" \
  < "$work/in.jsonl" > "$work/out.jsonl" 2> "$work/err.txt" || code=$?
[ "$code" -eq 0 ] || fail "exit code $code, expected 0: $(cat "$work/err.txt")"

# Standard output: exactly the three records, in input order, each a schema v1 record.
ids=$(sed -n 's/^{"schema_version":1,"id":"\([^"]*\)".*/\1/p' "$work/out.jsonl" | tr '\n' ' ')
[ "$ids" = "a b e " ] || fail "records on stdout are '$ids', expected 'a b e '"
[ "$(wc -l < "$work/out.jsonl")" -eq 3 ] || fail "stdout holds lines that are not records"
if grep -q dead_letter "$work/out.jsonl"; then fail "a dead letter reached stdout"; fi

# The side file: the three dead letters, with line numbers and reasons.
[ "$(wc -l < "$work/dead.jsonl")" -eq 3 ] || fail "expected 3 dead letters: $(cat "$work/dead.jsonl")"
[ "$(grep -c '"kind":"dead_letter"' "$work/dead.jsonl")" -eq 3 ] || fail "side file holds other lines"
grep -q '"line":2' "$work/dead.jsonl" || fail "the malformed line 2 is not named"
grep -q '"id":"d".*"stage":"failing"' "$work/dead.jsonl" || fail "the dropped document d is missing"

# An empty input is an empty output, exit code 0.
code=0
"$docpipe" run "$work/pipeline.yaml" - --plugin-path "$plugins" --dead-letter "$work/dead2.jsonl" \
  < /dev/null > "$work/out2.jsonl" 2>/dev/null || code=$?
[ "$code" -eq 0 ] || fail "empty input: exit code $code"
[ ! -s "$work/out2.jsonl" ] || fail "empty input wrote output"

# A pipeline that cannot be built is exit code 2, before reading anything.
code=0
"$docpipe" run "$work/missing.yaml" - < "$work/in.jsonl" > /dev/null 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "missing pipeline: exit code $code, expected 2"
echo "stream contract: ok"
