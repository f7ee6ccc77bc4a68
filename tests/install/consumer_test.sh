#!/bin/sh
# The plugin author's path, end to end: install docpipe to a fresh prefix, build the example
# plugin in examples/redact against the INSTALLED SDK with `ctest --build-and-test` (building and
# running its own tests), then load it with the installed docpipe from a YAML file that names it.
# Usage: consumer_test.sh SOURCE_DIR BUILD_DIR
set -eu
src="$1"
build="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
ctest --build-and-test "$src/examples/redact" "$work/redact-build" \
  --build-generator Ninja \
  --build-options "-DCMAKE_PREFIX_PATH=$work/prefix" \
  --test-command ctest --output-on-failure
cat > "$work/pipeline.yaml" <<YAML
name: consumer
plugin_paths: [redact-build/lib/docpipe/plugins]
stages:
  - plugin: redact
    params: {mask: "[PII]"}
YAML
printf 'Reach the desk at desk@example.net or +1 202 555 0143.\n' > "$work/note.txt"
"$work/prefix/bin/docpipe" validate "$work/pipeline.yaml"
"$work/prefix/bin/docpipe" run "$work/pipeline.yaml" "$work/note.txt" -o "$work/out.jsonl"
grep -q '"layer":"redaction","begin":18,"end":34,"text":"desk@example.net"' "$work/out.jsonl"
grep -q '"redactions":2' "$work/out.jsonl"
echo "consumer plugin built against the installed SDK and loaded: ok"
