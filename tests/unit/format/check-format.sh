#!/usr/bin/env bash
# Fails when clang-format (the repo's .clang-format) would change a tracked C or C++ file.
set -u
root=${1:?usage: check-format.sh <source root>}
cd "$root" || exit 2
command -v clang-format >/dev/null || { echo "clang-format not installed (scripts/setup)"; exit 2; }
files=$(git ls-files '*.c' '*.h' '*.cpp' '*.hpp' 2>/dev/null || find host sdk plugins tests -name '*.[ch]pp' -o -name '*.[ch]')
bad=$(printf '%s\n' $files | xargs clang-format --dry-run 2>&1 | grep -oE '^[^:]+\.(c|h|cpp|hpp):' | sort -u)
if [ -n "$bad" ]; then
  echo "Not formatted (run clang-format -i on them):"
  echo "$bad"
  exit 1
fi
echo "all $(printf '%s\n' $files | wc -l) files formatted"
