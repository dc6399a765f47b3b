#!/usr/bin/env bash
# Shows how assay's output differs from lua5.4's stored expectation for the given fixtures
# (paths like fixtures/basics/002_hex_literals.lua). A debugging aid, not a test.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ulimit -s 1048576 2>/dev/null || true
for f in "$@"; do
  dir=$(dirname "$f"); base=$(basename "$f" .lua)
  echo "=== $f"
  (cd "$dir" && "$root/node_modules/.bin/node" --stack-size=60000 "$root/cli/main.ts" run "$base.lua" 2>/tmp/fixture-diff.err | diff - "$base.expected" | head -${LINES_MAX:-8})
  if [ -f "$dir/$base.expected-error" ]; then echo "expected error: $(cat "$dir/$base.expected-error")"; grep -m1 ERROR /tmp/fixture-diff.err | sed 's/.*ERROR[^ ]* //'; fi
done
