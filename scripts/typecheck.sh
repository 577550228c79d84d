#!/usr/bin/env bash
# mypy cannot follow setuptools' package-dir mapping (summarizer.schemas lives in schemas/),
# so check a tree of symlinks laid out the way the package installs.
set -euo pipefail
mypy=${1:-mypy}
root=$(cd "$(dirname "$0")/.." && pwd)
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir "$tree/summarizer"
for entry in "$root"/summarizer/*; do
  ln -s "$entry" "$tree/summarizer/$(basename "$entry")"
done
for sub in schemas prompts evals; do
  ln -s "$root/$sub" "$tree/summarizer/$sub"
done
cd "$root"
"$mypy" --config-file "$root/pyproject.toml" "$tree/summarizer" 2>&1 | sed "s#$tree/##g"
exit "${PIPESTATUS[0]}"
