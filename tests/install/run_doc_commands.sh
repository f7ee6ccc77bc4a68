#!/bin/sh
# Runs every ```sh block of a Markdown file, in order, in one shell with `set -e`, from the
# source root, with HOME set to a fresh folder. Usage: run_doc_commands.sh SOURCE_DIR DOC.md
set -eu
src="$1"
doc="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
script="$work/commands.sh"
{
  echo 'set -eux'
  awk '/^```sh$/ {on=1; next} /^```$/ {on=0; next} on {print}' "$doc"
} > "$script"
if [ "$(grep -c . "$script")" -lt 3 ]; then
  echo "no sh blocks found in $doc" >&2
  exit 1
fi
cd "$src"
HOME="$work/home"
mkdir -p "$HOME"
export HOME
sh "$script"
