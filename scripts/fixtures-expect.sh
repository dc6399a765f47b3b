#!/usr/bin/env bash
# Regenerate expected outputs for the differential test corpus from the
# reference interpreter (lua5.4).
#
# Usage:
#   scripts/fixtures-expect.sh                 # every fixtures/*/*.lua
#   scripts/fixtures-expect.sh FILE.lua ...    # only the given fixtures
#
# For each fixture X.lua (run as `cd <its dir> && lua5.4 X.lua`):
#   X.expected        exact stdout bytes
#   X.expected-error  first line of stderr minus the leading "lua5.4: ",
#                     written only when lua5.4 exits non-zero (removed otherwise)
set -euo pipefail

LUA="${LUA:-lua5.4}"
TIMEOUT="${FIXTURE_TIMEOUT:-20}"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$script_dir/.." && pwd)"
fixtures="$root/fixtures"

if ! command -v "$LUA" >/dev/null 2>&1; then
  echo "fixtures-expect: '$LUA' not found (set LUA=/path/to/lua5.4)" >&2
  exit 2
fi

files=()
if [ "$#" -gt 0 ]; then
  for f in "$@"; do
    if [ ! -f "$f" ]; then
      echo "fixtures-expect: no such file: $f" >&2
      exit 2
    fi
    case "$f" in
      *.lua) ;;
      *) echo "fixtures-expect: not a .lua file: $f" >&2; exit 2 ;;
    esac
    files+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")")
  done
else
  while IFS= read -r -d '' f; do
    files+=("$f")
  done < <(find "$fixtures" -mindepth 2 -maxdepth 2 -name '*.lua' -print0 | LC_ALL=C sort -z)
fi

tmp_err="$(mktemp)"
trap 'rm -f "$tmp_err"' EXIT

n=0 nfail=0
for f in "${files[@]}"; do
  dir="$(dirname "$f")"
  base="$(basename "$f")"
  stem="${base%.lua}"
  status=0
  (cd "$dir" && LC_ALL=C timeout "$TIMEOUT" "$LUA" "$base") \
    >"$dir/$stem.expected" 2>"$tmp_err" </dev/null || status=$?
  if [ "$status" -eq 124 ]; then
    echo "fixtures-expect: TIMEOUT after ${TIMEOUT}s: $f" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    first_line="$(head -n 1 "$tmp_err")"
    # lua.c prefixes messages with its argv[0] ("lua5.4: ")
    first_line="${first_line#"$LUA: "}"
    printf '%s\n' "$first_line" >"$dir/$stem.expected-error"
    nfail=$((nfail + 1))
  else
    rm -f "$dir/$stem.expected-error"
  fi
  n=$((n + 1))
done

echo "fixtures-expect: regenerated $n fixture(s), $nfail exit non-zero"
